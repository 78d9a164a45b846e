using System.Globalization;
using Granary.AdoNet.Database;
using Granary.Reminders;
using Granary.Runtime;
using Npgsql;
using NpgsqlTypes;

namespace Granary.AdoNet.Reminders;

/// <summary>
/// Reminders in PostgreSQL (<c>granary_reminders</c>), keyed by service id, grain id and reminder name, with the
/// grain's uniform hash for range reads by the owning silo. ETags are versions from a sequence.
/// </summary>
internal sealed class AdoNetReminderTable(string serviceId, AdoNetDatabase database) : IReminderTable
{
    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken) =>
        QueryAsync("read reminders of a grain", ReminderSql.ReadGrain, command => command.Parameters.Add(Text(grainId.ToString())), cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(uint firstHash, uint lastHash, CancellationToken cancellationToken) =>
        QueryAsync("read reminders of a range", ReminderSql.ReadRange, command =>
        {
            command.Parameters.Add(Bigint(firstHash));
            command.Parameters.Add(Bigint(lastHash));
        }, cancellationToken);

    public async Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync("read a reminder", ReminderSql.ReadOne, command =>
        {
            command.Parameters.Add(Text(grainId.ToString()));
            command.Parameters.Add(Text(reminderName));
        }, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        var version = await database.RunAsync("upsert a reminder", async (source, _, ct) =>
        {
            await using var command = Command(source, ReminderSql.Upsert);
            command.Parameters.Add(Text(entry.GrainId.ToString()));
            command.Parameters.Add(Text(entry.ReminderName));
            command.Parameters.Add(Bigint(entry.GrainId.GetUniformHashCode()));
            command.Parameters.Add(new NpgsqlParameter<DateTime> { NpgsqlDbType = NpgsqlDbType.TimestampTz, TypedValue = DateTime.SpecifyKind(entry.StartAt, DateTimeKind.Utc) });
            command.Parameters.Add(Bigint(entry.Period.Ticks));
            return (long)(await command.ExecuteScalarAsync(ct))!;
        }, cancellationToken);
        return version.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        if (!long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)) return false;
        var outcome = await database.RunAsync("remove a reminder", async (source, attempt, ct) =>
        {
            await using var command = Command(source, ReminderSql.Delete);
            command.Parameters.Add(Text(grainId.ToString()));
            command.Parameters.Add(Text(reminderName));
            command.Parameters.Add(Bigint(version));
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return (Deleted: reader.GetBoolean(0), Remains: reader.GetBoolean(1), Attempt: attempt);
        }, cancellationToken);

        // Gone on a retry: the earlier attempt deleted it before its connection dropped.
        return outcome.Deleted || (!outcome.Remains && outcome.Attempt > 1);
    }

    private async Task<IReadOnlyList<ReminderEntry>> QueryAsync(string operation, string sql, Action<NpgsqlCommand> bind, CancellationToken cancellationToken) =>
        await database.RunAsync(operation, async (source, _, ct) =>
        {
            await using var command = Command(source, sql);
            bind(command);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<ReminderEntry>();
            while (await reader.ReadAsync(ct))
            {
                rows.Add(new ReminderEntry
                {
                    GrainId = GrainId.Parse(reader.GetString(0)),
                    ReminderName = reader.GetString(1),
                    StartAt = DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc),
                    Period = TimeSpan.FromTicks(reader.GetInt64(3)),
                    ETag = reader.GetInt64(4).ToString(CultureInfo.InvariantCulture),
                });
            }

            return (IReadOnlyList<ReminderEntry>)rows;
        }, cancellationToken);

    private NpgsqlCommand Command(NpgsqlDataSource source, string sql)
    {
        var command = source.CreateCommand(sql);
        command.Parameters.Add(Text(serviceId));
        return command;
    }

    private static NpgsqlParameter<string> Text(string value) => new() { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = value };

    private static NpgsqlParameter<long> Bigint(long value) => new() { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = value };
}
