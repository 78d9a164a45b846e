using Granary.AdoNet.Database;
using Granary.Membership;
using Granary.Runtime;
using Npgsql;
using NpgsqlTypes;

namespace Granary.AdoNet.Membership;

/// <summary>
/// The membership table in PostgreSQL (<c>granary_membership_version</c> and <c>granary_membership</c>), keyed by
/// cluster id. A row write and the version row's advance happen in one transaction, each conditional on what
/// the writer read. ETags are random tokens chosen by the writer, so a write retried after its connection broke
/// recognises its own earlier success.
/// </summary>
internal sealed class AdoNetMembershipTable(string clusterId, AdoNetDatabase database) : IMembershipTable
{
    public async Task InitializeAsync(CancellationToken cancellationToken) =>
        await database.RunAsync("initialize the membership version", async (source, _, ct) =>
        {
            await using var command = Command(source, MembershipSql.Initialize);
            command.Parameters.Add(Text(NewETag()));
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);

    public async Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken) =>
        await database.RunAsync("read the membership table", async (source, _, ct) =>
        {
            await using var command = Command(source, MembershipSql.ReadAll);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var version = new TableVersion(0, "");
            var rows = new List<MembershipRow>();
            while (await reader.ReadAsync(ct))
            {
                version = new TableVersion(reader.GetInt64(0), reader.GetString(1));
                if (!reader.IsDBNull(2)) rows.Add(MembershipRows.Read(reader));
            }

            return new MembershipTableData(rows, version);
        }, cancellationToken);

    public Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion version, CancellationToken cancellationToken) =>
        WriteAsync("insert a membership row", MembershipSql.InsertRow, entry, expectedETag: null, version, cancellationToken);

    public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion version, CancellationToken cancellationToken) =>
        WriteAsync("update a membership row", MembershipSql.UpdateRow, entry, etag, version, cancellationToken);

    public async Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken) =>
        await database.RunAsync("write I-am-alive", async (source, _, ct) =>
        {
            await using var command = KeyCommand(source, MembershipSql.UpdateIAmAlive, entry.Silo);
            command.Parameters.Add(MembershipRows.Time(entry.IAmAliveTime));
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);

    public async Task CleanupDefunctSiloEntriesAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        await database.RunAsync("clean up dead silos", async (source, _, ct) =>
        {
            await using var command = Command(source, MembershipSql.CleanupDefunct);
            command.Parameters.Add(MembershipRows.Time(before));
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);

    public async Task DeleteMembershipTableEntriesAsync(CancellationToken cancellationToken) =>
        await database.RunAsync("delete the membership rows", async (source, _, ct) =>
        {
            await using var command = Command(source, MembershipSql.DeleteRows);
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);

    private async Task<bool> WriteAsync(string operation, string sql, MembershipEntry entry, string? expectedETag, TableVersion version, CancellationToken cancellationToken)
    {
        var rowETag = NewETag();
        var versionETag = NewETag();
        return await database.RunAsync(operation, async (source, attempt, ct) =>
        {
            await using var connection = await source.OpenConnectionAsync(ct);
            if (await TryWriteAsync(connection, sql, entry, expectedETag, rowETag, version, versionETag, ct)) return true;

            // Refused on a retry: the attempt whose connection broke may have committed. The row then holds our
            // token, which no other writer can have chosen.
            if (attempt == 1) return false;
            await using var check = KeyCommand(connection, MembershipSql.RowHasETag, entry.Silo);
            check.Parameters.Add(Text(rowETag));
            return (bool)(await check.ExecuteScalarAsync(ct))!;
        }, cancellationToken);
    }

    private async Task<bool> TryWriteAsync(
        NpgsqlConnection connection, string sql, MembershipEntry entry, string? expectedETag, string rowETag, TableVersion version, string versionETag, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var advance = new NpgsqlCommand(MembershipSql.AdvanceVersion, connection, transaction))
        {
            advance.Parameters.Add(Text(clusterId));
            advance.Parameters.Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = version.Version });
            advance.Parameters.Add(Text(version.ETag));
            advance.Parameters.Add(Text(versionETag));
            if (await advance.ExecuteNonQueryAsync(cancellationToken) == 0) return false;
        }

        await using (var write = new NpgsqlCommand(sql, connection, transaction))
        {
            write.Parameters.Add(Text(clusterId));
            MembershipRows.Bind(write, entry, rowETag);
            if (expectedETag is not null) write.Parameters.Add(Text(expectedETag));
            if (await write.ExecuteNonQueryAsync(cancellationToken) == 0) return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private NpgsqlCommand Command(NpgsqlDataSource source, string sql)
    {
        var command = source.CreateCommand(sql);
        command.Parameters.Add(Text(clusterId));
        return command;
    }

    private NpgsqlCommand KeyCommand(NpgsqlDataSource source, string sql, SiloAddress silo)
    {
        var command = Command(source, sql);
        MembershipRows.BindKey(command, silo);
        return command;
    }

    private NpgsqlCommand KeyCommand(NpgsqlConnection connection, string sql, SiloAddress silo)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(Text(clusterId));
        MembershipRows.BindKey(command, silo);
        return command;
    }

    private static string NewETag() => Guid.NewGuid().ToString("N");

    private static NpgsqlParameter<string> Text(string value) => new() { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = value };
}
