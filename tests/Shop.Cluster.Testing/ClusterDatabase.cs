using Npgsql;

namespace Shop.Cluster.Testing;

/// <summary>
/// A PostgreSQL schema of its own in the test database (SHOP_TEST_POSTGRES, exported by scripts/test-deps.sh), which
/// the silos migrate at start; dropped when the collection ends (each test project declares the xUnit collection that shares it). Every test uses its own cluster id inside it.
/// </summary>
public sealed class ClusterDatabase : IAsyncLifetime
{
    public const string Variable = "SHOP_TEST_POSTGRES";

    public string Schema { get; } = $"cluster_{Guid.NewGuid():N}"[..20];

    public string ConnectionString { get; private set; } = "";

    public static string BaseConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: run the tests through ./test.sh (it starts PostgreSQL).");

    public async Task InitializeAsync()
    {
        ConnectionString = new NpgsqlConnectionStringBuilder(BaseConnectionString) { SearchPath = Schema }.ConnectionString;
        await ExecuteAsync($"CREATE SCHEMA IF NOT EXISTS {Schema}");
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP SCHEMA IF EXISTS {Schema} CASCADE");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(BaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
