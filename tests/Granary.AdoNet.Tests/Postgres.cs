using Granary.AdoNet.Database;
using Granary.AdoNet.Migrations;
using Granary.AdoNet.Storage;
using Granary.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Granary.AdoNet.Tests;

/// <summary>
/// The test database: scripts/test-deps.sh installs and starts PostgreSQL and exports GRANARY_TEST_POSTGRES.
/// Each test class works in a schema of its own (the connection string's search path), so classes never see
/// each other's rows, versions or migrations.
/// </summary>
internal static class Postgres
{
    public const string EnvironmentVariable = "GRANARY_TEST_POSTGRES";

    public static readonly NpgsqlDataSources DataSources = new();

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : "Host=127.0.0.1;Port=5432;Username=granary_test;Password=granary_test;Database=granary_test";

    /// <summary>Creates an empty schema and returns a connection string that works in it.</summary>
    public static async Task<string> NewSchemaAsync(string prefix)
    {
        var schema = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)];
        try
        {
            await using var source = NpgsqlDataSource.Create(ConnectionString);
            await using var command = source.CreateCommand($"CREATE SCHEMA \"{schema}\"");
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException exception)
        {
            throw new InvalidOperationException(
                $"The test PostgreSQL is not reachable with {EnvironmentVariable}='{ConnectionString}'. Run the tests through ./test.sh, or source scripts/test-deps.sh first.", exception);
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ConnectionString;
    }

    public static async Task DropSchemaAsync(string connectionString)
    {
        var schema = new NpgsqlConnectionStringBuilder(connectionString).SearchPath;
        await using var source = NpgsqlDataSource.Create(ConnectionString);
        await using var command = source.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Applies the embedded migrations as a silo would at start.</summary>
    public static Task MigrateAsync(string connectionString, bool apply = true) =>
        new SchemaMigrator([new AdoNetSchemaUser("tests", () => new AdoNetSchemaTarget(connectionString, apply, new AdoNetResilienceOptions()))],
            DataSources, NullLogger<SchemaMigrator>.Instance).OnStartAsync(CancellationToken.None);

    public static AdoNetDatabase Database(string connectionString, IAdoNetFaults? faults = null, AdoNetResilienceOptions? resilience = null, TimeProvider? clock = null) =>
        new("PostgreSQL grain storage 'pg'", connectionString, DataSources.Get(connectionString), resilience ?? new AdoNetResilienceOptions(), faults, NullLogger.Instance, clock);

    public static AdoNetGrainStorage Storage(string connectionString, string serviceId, IAdoNetFaults? faults = null, AdoNetResilienceOptions? resilience = null, TimeProvider? clock = null, bool storeJson = false) =>
        new("pg", serviceId, Database(connectionString, faults, resilience, clock), storeJson, NullLogger<AdoNetGrainStorage>.Instance);

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A migrated schema of its own for one test class; dropped afterwards.</summary>
public sealed class SchemaFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = await Postgres.NewSchemaAsync("t");
        await Postgres.MigrateAsync(ConnectionString);
    }

    public Task DisposeAsync() => Postgres.DropSchemaAsync(ConnectionString);
}
