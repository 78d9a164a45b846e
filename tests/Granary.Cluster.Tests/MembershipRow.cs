using Npgsql;

namespace Granary.Cluster.Tests;

/// <summary>A row of the PostgreSQL membership table, as the tests observe it.</summary>
internal sealed record MembershipRow(int Port, long Generation, int Status)
{
    public const int Active = 2;
    public const int Dead = 4;

    public static async Task<IReadOnlyList<MembershipRow>> ReadAsync(string clusterId)
    {
        await using var source = NpgsqlDataSource.Create(Postgres.ConnectionString);
        await using var command = source.CreateCommand(
            "SELECT port, generation, status FROM granary_membership WHERE cluster_id = $1 ORDER BY port, generation");
        command.Parameters.AddWithValue(clusterId);
        var rows = new List<MembershipRow>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add(new MembershipRow(reader.GetInt32(0), reader.GetInt64(1), reader.GetInt16(2)));
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // The first silo of a fresh database has not applied the migrations yet.
        }
        catch (NpgsqlException exception) when (exception.IsTransient)
        {
            // Another test run on this machine may restart the shared PostgreSQL; the caller polls again.
        }

        return rows;
    }
}

internal static class Postgres
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("GRANARY_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : "Host=127.0.0.1;Port=5432;Username=granary_test;Password=granary_test;Database=granary_test";
}
