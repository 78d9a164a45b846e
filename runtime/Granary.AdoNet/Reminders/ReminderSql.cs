namespace Granary.AdoNet.Reminders;

/// <summary>The statements of the reminder table; $1 is always the service id.</summary>
internal static class ReminderSql
{
    private const string Columns = "grain_id, reminder_name, start_at, period_ticks, version";

    public const string ReadGrain = "SELECT " + Columns + " FROM granary_reminders WHERE service_id = $1 AND grain_id = $2";

    public const string ReadRange = "SELECT " + Columns + " FROM granary_reminders WHERE service_id = $1 AND grain_hash BETWEEN $2 AND $3";

    public const string ReadOne = "SELECT " + Columns + " FROM granary_reminders WHERE service_id = $1 AND grain_id = $2 AND reminder_name = $3";

    /// <summary>$2 grain id, $3 name, $4 hash, $5 start, $6 period ticks. Repeating it is harmless: the last schedule wins.</summary>
    public const string Upsert =
        "INSERT INTO granary_reminders (service_id, grain_id, reminder_name, grain_hash, start_at, period_ticks, version)" +
        " VALUES ($1, $2, $3, $4, $5, $6, nextval('granary_reminders_version_seq'))" +
        " ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE" +
        " SET grain_hash = excluded.grain_hash, start_at = excluded.start_at, period_ticks = excluded.period_ticks, version = excluded.version" +
        " RETURNING version";

    /// <summary>$2 grain id, $3 name, $4 expected version. Rows: (deleted, a row is still there).</summary>
    public const string Delete =
        "WITH del AS (DELETE FROM granary_reminders WHERE service_id = $1 AND grain_id = $2 AND reminder_name = $3 AND version = $4 RETURNING 1)" +
        " SELECT EXISTS (SELECT 1 FROM del)," +
        " EXISTS (SELECT 1 FROM granary_reminders WHERE service_id = $1 AND grain_id = $2 AND reminder_name = $3)";
}
