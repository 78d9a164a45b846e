-- Granary PostgreSQL schema, version 3: cluster membership.
-- Idempotent: safe to run again. Apply after 0002 with
--   psql -v ON_ERROR_STOP=1 --single-transaction -f 0003_membership.sql

-- One version row per cluster. Every membership change advances it in the same transaction as the row it
-- changes, conditionally on the version the writer read, so writers never lose each other's updates.
CREATE TABLE IF NOT EXISTS granary_membership_version (
    cluster_id  text        PRIMARY KEY,
    version     bigint      NOT NULL,
    etag        text        NOT NULL,
    modified_at timestamptz NOT NULL DEFAULT now()
);

-- One row per incarnation of a silo: endpoint plus generation.
CREATE TABLE IF NOT EXISTS granary_membership (
    cluster_id    text          NOT NULL REFERENCES granary_membership_version (cluster_id),
    host          text          NOT NULL,
    port          integer       NOT NULL,
    generation    bigint        NOT NULL,
    -- SiloStatus: 1 Joining, 2 Active, 3 ShuttingDown, 4 Dead.
    status        smallint      NOT NULL,
    -- Suspicion votes: suspecter i (host:port@generation) voted at suspect_times[i].
    suspecters    text[]        NOT NULL,
    suspect_times timestamptz[] NOT NULL,
    start_time    timestamptz   NOT NULL,
    i_am_alive    timestamptz   NOT NULL,
    silo_name     text          NOT NULL,
    host_name     text          NOT NULL,
    is_gateway    boolean       NOT NULL,
    -- Changes with every conditional write, never with an I-am-alive update.
    etag          text          NOT NULL,
    PRIMARY KEY (cluster_id, host, port, generation)
);

INSERT INTO granary_schema_version (version, description) VALUES (3, 'membership')
ON CONFLICT (version) DO NOTHING;
