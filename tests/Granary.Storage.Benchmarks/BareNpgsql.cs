using Granary.AdoNet.Database;
using Granary.AdoNet.Storage;
using Granary.Serialization;
using Npgsql;
using NpgsqlTypes;

namespace Granary.Storage.Benchmarks;

/// <summary>
/// The baseline: the provider's own conditional upsert and read statements issued straight through Npgsql, on a
/// data source built the same way, with the same payload, and none of the runtime around them.
/// </summary>
internal sealed class BareNpgsql(string connectionString, string serviceId) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _source = NpgsqlDataSources.Create(connectionString);
    private readonly byte[] _payload = Serializer.Serialize(new BenchState());

    /// <summary>Creates the rows and returns their versions.</summary>
    public async Task<long[]> SeedAsync(int rows)
    {
        var versions = new long[rows];
        for (var i = 0; i < rows; i++) versions[i] = await ExecuteAsync(GrainStateSql.Insert, i, null);
        return versions;
    }

    /// <summary>One conditional write of row <paramref name="row"/>; returns its new version.</summary>
    public Task<long> WriteAsync(int row, long expected) => ExecuteAsync(GrainStateSql.Update, row, expected);

    public async Task<int> ReadAsync(int row)
    {
        await using var command = Command(GrainStateSql.Read, row);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return reader.GetFieldValue<byte[]>(1).Length;
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    private async Task<long> ExecuteAsync(string sql, int row, long? expected)
    {
        await using var command = Command(sql, row);
        command.Parameters.Add(new NpgsqlParameter<byte[]> { NpgsqlDbType = NpgsqlDbType.Bytea, TypedValue = _payload });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<Guid> { NpgsqlDbType = NpgsqlDbType.Uuid, TypedValue = Guid.NewGuid() });
        if (expected is { } version) command.Parameters.Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = version });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        if (!reader.GetBoolean(1)) throw new InvalidOperationException("Baseline write conflicted.");
        return reader.GetInt64(0);
    }

    private NpgsqlCommand Command(string sql, int row)
    {
        var command = _source.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = "bare" });
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = row.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = "bench" });
        return command;
    }
}
