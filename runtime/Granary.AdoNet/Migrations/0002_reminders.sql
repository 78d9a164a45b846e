-- Granary PostgreSQL schema, version 2: durable reminders.
-- Idempotent: safe to run again. Apply after 0001 with
--   psql -v ON_ERROR_STOP=1 --single-transaction -f 0002_reminders.sql

CREATE SEQUENCE IF NOT EXISTS granary_reminders_version_seq;

CREATE TABLE IF NOT EXISTS granary_reminders (
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    -- GrainIdHashing.GetUniformHashCode of grain_id (0 .. 2^32-1): silos read the hash ranges they own.
    grain_hash    bigint      NOT NULL,
    start_at      timestamptz NOT NULL,
    period_ticks  bigint      NOT NULL,
    version       bigint      NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS granary_reminders_by_hash ON granary_reminders (service_id, grain_hash);

INSERT INTO granary_schema_version (version, description) VALUES (2, 'reminders')
ON CONFLICT (version) DO NOTHING;
