-- Reminders for Orleans' ADO.NET reminder table (UseAdoNetReminderService). Rows are scoped by ServiceId.
--
-- Contract, as read from the provider: statements bind @ServiceId, @GrainId (GrainId.ToString()),
-- @ReminderName, @StartTime, @Period (milliseconds, int or bigint), @GrainHash, @BeginHash, @EndHash (the
-- uint ring hashes cast to int) and @Version (the ETag). Reads return GrainId, ReminderName, StartTime,
-- Period (bigint) and Version; an upsert returns the new Version; a delete returns one boolean.

CREATE TABLE orleans_reminder
(
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    period        bigint      NOT NULL,
    grain_hash    integer     NOT NULL,
    version       integer     NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

-- Each silo reads the reminders of its ring range by hash.
CREATE INDEX orleans_reminder_ring ON orleans_reminder (service_id, grain_hash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('UpsertReminderRowKey', $q$
INSERT INTO orleans_reminder (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
   SET start_time = excluded.start_time, period = excluded.period, grain_hash = excluded.grain_hash,
       version = orleans_reminder.version + 1
RETURNING version AS "Version";
$q$),
('ReadReminderRowsKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period AS "Period",
       version AS "Version"
  FROM orleans_reminder
 WHERE service_id = @ServiceId AND grain_id = @GrainId;
$q$),
('ReadReminderRowKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period AS "Period",
       version AS "Version"
  FROM orleans_reminder
 WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName;
$q$),
-- The ring range (@BeginHash, @EndHash] in signed order; the provider picks this key when it does not wrap...
('ReadRangeRows1Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period AS "Period",
       version AS "Version"
  FROM orleans_reminder
 WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash;
$q$),
-- ...and this one when it wraps (including the whole ring, @BeginHash = @EndHash).
('ReadRangeRows2Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period AS "Period",
       version AS "Version"
  FROM orleans_reminder
 WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash);
$q$),
('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM orleans_reminder
     WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
       AND version = @Version
    RETURNING 1)
SELECT count(*) > 0 AS "Deleted" FROM deleted;
$q$),
('DeleteReminderRowsKey', $q$
DELETE FROM orleans_reminder WHERE service_id = @ServiceId;
$q$);
