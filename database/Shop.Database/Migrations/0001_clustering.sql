-- Membership (cluster) tables for Orleans' ADO.NET clustering provider, and the OrleansQuery table every
-- ADO.NET provider reads its statements from at start ("SELECT QueryKey, QueryText FROM OrleansQuery").
--
-- Contract, as read from the provider: statements bind @DeploymentId (the ClusterId), @Address, @Port,
-- @Generation, @SiloName, @HostName, @Status, @ProxyPort, @SuspectTimes, @StartTime, @IAmAliveTime and
-- @Version; result columns are read by name. Membership rows are scoped by ClusterId.
-- Versioning: one version row per cluster is the table's ETag. Every insert or update of a silo row
-- must compare-and-increment it in the same transaction; the provider expects a single boolean back,
-- false meaning "lost the race, re-read and retry". Row ETags are the table version (Orleans 10).

CREATE TABLE OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

CREATE TABLE orleans_membership_version
(
    deployment_id text        NOT NULL PRIMARY KEY,
    version       integer     NOT NULL DEFAULT 0,
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orleans_membership
(
    deployment_id   text        NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    proxy_port      integer     NOT NULL DEFAULT 0,
    suspect_times   text        NULL,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- True when this call created the cluster's version row, false when it already existed.
CREATE FUNCTION orleans_membership_init(p_deployment_id text)
RETURNS boolean
LANGUAGE plpgsql AS
$fn$
BEGIN
    INSERT INTO orleans_membership_version (deployment_id) VALUES (p_deployment_id)
    ON CONFLICT (deployment_id) DO NOTHING;
    RETURN FOUND;
END
$fn$;

-- Bumps the cluster version from p_version to p_version + 1. Raises SQLSTATE OR409 when the version moved
-- (or the cluster has no version row): callers turn that into "lost race" after their own changes are undone.
CREATE FUNCTION orleans_membership_advance_version(p_deployment_id text, p_version integer)
RETURNS void
LANGUAGE plpgsql AS
$fn$
BEGIN
    UPDATE orleans_membership_version
       SET version = version + 1, updated_at = now()
     WHERE deployment_id = p_deployment_id AND version = p_version;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'membership version of cluster % is no longer %', p_deployment_id, p_version
            USING ERRCODE = 'OR409';
    END IF;
END
$fn$;

-- Inserts a silo row and advances the version atomically; false when the version moved or the row exists.
CREATE FUNCTION orleans_membership_insert(
    p_deployment_id text, p_address text, p_port integer, p_generation integer,
    p_silo_name text, p_host_name text, p_status integer, p_proxy_port integer,
    p_start_time timestamptz, p_i_am_alive_time timestamptz, p_version integer)
RETURNS boolean
LANGUAGE plpgsql AS
$fn$
BEGIN
    -- The version update comes first: it locks the cluster's version row, so concurrent writers queue here
    -- and every loser sees the moved version instead of a half-applied change.
    PERFORM orleans_membership_advance_version(p_deployment_id, p_version);
    INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name, status,
                                    proxy_port, start_time, i_am_alive_time)
    VALUES (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status,
            coalesce(p_proxy_port, 0), p_start_time, p_i_am_alive_time)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'silo %:%@% is already in cluster %', p_address, p_port, p_generation, p_deployment_id
            USING ERRCODE = 'OR409';
    END IF;
    RETURN true;
EXCEPTION
    -- The block is a subtransaction: leaving through here undoes the version bump and the insert.
    WHEN SQLSTATE 'OR409' THEN
        RETURN false;
END
$fn$;

-- Updates a silo row's status, suspicions and liveness and advances the version atomically; false when the
-- version moved or the row does not exist.
CREATE FUNCTION orleans_membership_update(
    p_deployment_id text, p_address text, p_port integer, p_generation integer,
    p_status integer, p_suspect_times text, p_i_am_alive_time timestamptz, p_version integer)
RETURNS boolean
LANGUAGE plpgsql AS
$fn$
BEGIN
    PERFORM orleans_membership_advance_version(p_deployment_id, p_version);
    UPDATE orleans_membership
       SET status = p_status, suspect_times = p_suspect_times, i_am_alive_time = p_i_am_alive_time
     WHERE deployment_id = p_deployment_id AND address = p_address AND port = p_port
       AND generation = p_generation;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'silo %:%@% is not in cluster %', p_address, p_port, p_generation, p_deployment_id
            USING ERRCODE = 'OR409';
    END IF;
    RETURN true;
EXCEPTION
    WHEN SQLSTATE 'OR409' THEN
        RETURN false;
END
$fn$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', $q$
SELECT orleans_membership_init(@DeploymentId) AS "Created";
$q$),
('InsertMembershipKey', $q$
SELECT orleans_membership_insert(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
                                 @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS "Inserted";
$q$),
('UpdateMembershipKey', $q$
SELECT orleans_membership_update(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
                                 @IAmAliveTime, @Version) AS "Updated";
$q$),
-- Liveness heartbeats do not move the table version (Orleans does not check the result).
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership
   SET i_am_alive_time = @IAmAliveTime
 WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation;
$q$),
-- Both reads return the version row even without silo rows (the provider takes the version from row one,
-- and reads "no silo" from a NULL StartTime).
('MembershipReadRowKey', $q$
SELECT v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
  FROM orleans_membership_version v
  LEFT JOIN orleans_membership m
    ON m.deployment_id = v.deployment_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
 WHERE v.deployment_id = @DeploymentId;
$q$),
('MembershipReadAllKey', $q$
SELECT v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
  FROM orleans_membership_version v
  LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
 WHERE v.deployment_id = @DeploymentId;
$q$),
('GatewaysQueryKey', $q$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
  FROM orleans_membership
 WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0;
$q$),
-- Removes the whole cluster: silo rows go with their version row (ON DELETE CASCADE).
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId;
$q$),
-- Bulk fallback: Dead (6) silos not heard of since @IAmAliveTime. Like other Orleans tables, cleanup does not
-- move the version: it removes only rows every silo already treats as dead.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId AND status = 6
   AND greatest(start_time, i_am_alive_time) < @IAmAliveTime;
$q$),
-- Per-row cleanup (Orleans 10.4 prefers it when present): deletes the Dead row only if it is still exactly
-- the row the provider judged defunct (same start, liveness and suspicions), so a concurrent update wins.
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
   AND status = 6 AND start_time = @StartTime AND i_am_alive_time = @IAmAliveTime
   AND coalesce(suspect_times, '') = coalesce(@SuspectTimes, '');
$q$);
