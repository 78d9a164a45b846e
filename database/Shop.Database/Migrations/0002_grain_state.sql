-- Grain state for Orleans' ADO.NET grain storage (AddAdoNetGrainStorage). Rows are scoped by ServiceId, so
-- clusters of one service (blue/green, rolling upgrades) share state.
--
-- Contract, as read from the provider: statements bind @ServiceId, @GrainTypeHash, @GrainTypeString,
-- @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString (NULL unless the key has an extension or
-- is a string key), @GrainStateVersion (the ETag, NULL for a grain that never read a row) and
-- @PayloadBinary. A write returns "NewGrainStateVersion"; returning the caller's own version (or NULL when
-- it had none) tells the provider the write lost, and it throws InconsistentStateException.

CREATE TABLE orleans_grain_state
(
    service_id         text        NOT NULL,
    grain_type_hash    integer     NOT NULL,
    grain_type         text        NOT NULL,
    grain_id_hash      integer     NOT NULL,
    grain_id_n0        bigint      NOT NULL,
    grain_id_n1        bigint      NOT NULL,
    grain_id_extension text        NULL,
    payload            bytea       NULL,
    version            integer     NOT NULL,
    modified_at        timestamptz NOT NULL DEFAULT now(),
    -- One row per grain: the hashes lead for selectivity; NULLS NOT DISTINCT (PostgreSQL 15) makes a NULL
    -- extension a value, so two first writes of the same grain cannot both insert.
    CONSTRAINT orleans_grain_state_key UNIQUE NULLS NOT DISTINCT
        (service_id, grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1, grain_type, grain_id_extension)
);

CREATE FUNCTION orleans_grain_state_write(
    p_service_id text, p_grain_type_hash integer, p_grain_type text, p_grain_id_hash integer,
    p_grain_id_n0 bigint, p_grain_id_n1 bigint, p_grain_id_extension text,
    p_version integer, p_payload bytea)
RETURNS integer
LANGUAGE plpgsql AS
$fn$
DECLARE
    v_new integer;
BEGIN
    IF p_version IS NULL THEN
        -- First write: only one concurrent activation can insert; the others get NULL back (conflict).
        INSERT INTO orleans_grain_state (service_id, grain_type_hash, grain_type, grain_id_hash, grain_id_n0,
                                         grain_id_n1, grain_id_extension, payload, version)
        VALUES (p_service_id, p_grain_type_hash, p_grain_type, p_grain_id_hash, p_grain_id_n0, p_grain_id_n1,
                p_grain_id_extension, p_payload, 1)
        ON CONFLICT DO NOTHING;
        RETURN CASE WHEN FOUND THEN 1 END;
    END IF;

    UPDATE orleans_grain_state
       SET payload = p_payload, version = version + 1, modified_at = now()
     WHERE service_id = p_service_id AND grain_type_hash = p_grain_type_hash AND grain_id_hash = p_grain_id_hash
       AND grain_id_n0 = p_grain_id_n0 AND grain_id_n1 = p_grain_id_n1 AND grain_type = p_grain_type
       AND grain_id_extension IS NOT DISTINCT FROM p_grain_id_extension
       AND version = p_version
    RETURNING version INTO v_new;
    -- Unchanged version back = the ETag was stale.
    RETURN coalesce(v_new, p_version);
END
$fn$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('WriteToStorageKey', $q$
SELECT orleans_grain_state_write(@ServiceId, @GrainTypeHash, @GrainTypeString, @GrainIdHash, @GrainIdN0,
                                 @GrainIdN1, @GrainIdExtensionString, @GrainStateVersion, @PayloadBinary)
       AS "NewGrainStateVersion";
$q$),
-- A cleared row keeps its version with a NULL payload: the provider reads that as "no record" with an ETag.
('ReadFromStorageKey', $q$
SELECT payload AS "PayloadBinary", version AS "Version"
  FROM orleans_grain_state
 WHERE service_id = @ServiceId AND grain_type_hash = @GrainTypeHash AND grain_id_hash = @GrainIdHash
   AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1 AND grain_type = @GrainTypeString
   AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString;
$q$),
-- Clear keeps the row (and so the version sequence); no row back = stale ETag.
('ClearStorageKey', $q$
UPDATE orleans_grain_state
   SET payload = NULL, version = version + 1, modified_at = now()
 WHERE service_id = @ServiceId AND grain_type_hash = @GrainTypeHash AND grain_id_hash = @GrainIdHash
   AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1 AND grain_type = @GrainTypeString
   AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
   AND version = @GrainStateVersion
RETURNING version AS "NewGrainStateVersion";
$q$),
-- Used instead of ClearStorageKey when AdoNetGrainStorageOptions.DeleteStateOnClear is set. The provider
-- compares the returned value with its ETag, so a successful delete must return something different.
('DeleteStorageKey', $q$
DELETE FROM orleans_grain_state
 WHERE service_id = @ServiceId AND grain_type_hash = @GrainTypeHash AND grain_id_hash = @GrainIdHash
   AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1 AND grain_type = @GrainTypeString
   AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
   AND version = @GrainStateVersion
RETURNING version + 1 AS "NewGrainStateVersion";
$q$);
