-- Granary PostgreSQL schema, version 1: schema versions and grain state.
-- Idempotent: safe to run again. Operators who forbid DDL at run time apply each script in order with
--   psql -v ON_ERROR_STOP=1 --single-transaction -f 0001_grain_state.sql
-- and set ApplyMigrations=false on the silo. Tables go to the first schema of the search_path.

CREATE TABLE IF NOT EXISTS granary_schema_version (
    version     integer     PRIMARY KEY,
    description text        NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now()
);

-- Versions come from one sequence, so an ETag is never reused, even after a state is cleared and written anew.
CREATE SEQUENCE IF NOT EXISTS granary_grain_state_version_seq;

CREATE TABLE IF NOT EXISTS granary_grain_state (
    service_id   text        NOT NULL,
    grain_type   text        NOT NULL,
    grain_key    text        NOT NULL,
    state_name   text        NOT NULL,
    version      bigint      NOT NULL,
    -- The state in Granary's binary format; payload_json is an optional copy for inspection, never read.
    payload      bytea       NOT NULL,
    payload_json jsonb       NULL,
    -- Identifies the write that produced this version, so a retried write can recognise its own success.
    write_token  uuid        NOT NULL,
    modified_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, grain_type, grain_key, state_name)
);

INSERT INTO granary_schema_version (version, description) VALUES (1, 'grain state')
ON CONFLICT (version) DO NOTHING;
