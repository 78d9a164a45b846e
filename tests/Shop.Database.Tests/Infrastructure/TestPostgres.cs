using Npgsql;

namespace Shop.Database.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL the tests run against: SHOP_TEST_POSTGRES (exported by scripts/test-deps.sh). Every test class
/// works in a schema of its own, so classes run in parallel without seeing each other's rows.
/// </summary>
internal static class TestPostgres
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("SHOP_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "SHOP_TEST_POSTGRES is not set: run `source scripts/test-deps.sh` from the repository root first (test.sh does).");
}

/// <summary>A uniquely named PostgreSQL schema, dropped on dispose; its connection string selects it by search path.</summary>
internal sealed class TestSchema : IAsyncDisposable
{
    private readonly List<string> _pooledConnectionStrings = [];

    private TestSchema(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
        _pooledConnectionStrings.Add(connectionString);
        // The tests' own statements need no pool: every schema's pool would otherwise keep idle connections open.
        HelperConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
    }

    private string HelperConnectionString { get; }

    public string Name { get; }

    /// <summary>Connects with <c>Search Path</c> set to this schema (the migrator creates it).</summary>
    public string ConnectionString { get; }

    /// <summary>This schema's connection string with changes; its pool is cleared on dispose like the main one.</summary>
    public string ConnectionStringWith(Action<NpgsqlConnectionStringBuilder> change)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        change(builder);
        _pooledConnectionStrings.Add(builder.ConnectionString);
        return builder.ConnectionString;
    }

    public static TestSchema New(string purpose)
    {
        // PostgreSQL identifiers stop at 63 bytes; 12 hex digits keep names unique enough per run.
        var name = $"test_{purpose}_{Guid.NewGuid():N}"[..(6 + purpose.Length + 12)].ToLowerInvariant();
        // A small pool per schema: classes run in parallel against one server with max_connections 100.
        var builder = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString) { SearchPath = name, MaxPoolSize = 10 };
        return new TestSchema(name, builder.ConnectionString);
    }

    public static async Task<TestSchema> MigratedAsync(string purpose)
    {
        var schema = New(purpose);
        await SchemaMigrator.MigrateAsync(schema.ConnectionString);
        return schema;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(HelperConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(HelperConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default! : (T)result;
    }

    /// <summary>Tables, columns, functions, indexes, query rows and recorded migrations, as one comparable text.</summary>
    public Task<string> FingerprintAsync() => ScalarAsync<string>("""
        SELECT string_agg(line, E'\n' ORDER BY line) FROM (
            SELECT format('column %s.%s %s %s %s', table_name, column_name, data_type, is_nullable, column_default) AS line
              FROM information_schema.columns WHERE table_schema = current_schema()
            UNION ALL
            SELECT format('function %s(%s) %s', p.proname, pg_get_function_identity_arguments(p.oid), md5(p.prosrc))
              FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace
            UNION ALL
            SELECT format('index %s', replace(indexdef, current_schema() || '.', ''))
              FROM pg_indexes WHERE schemaname = current_schema()
            UNION ALL
            SELECT format('query %s %s', querykey, md5(querytext)) FROM OrleansQuery
            UNION ALL
            SELECT format('migration %s %s %s', version, name, checksum) FROM shop_schema_migrations) lines
        """);

    public async ValueTask DisposeAsync()
    {
        // Each schema has pools of its own (the search path is part of the connection string): close their idle
        // connections now, or a run of many classes exhausts the server's max_connections.
        foreach (var pooled in _pooledConnectionStrings)
        {
            using var pool = new NpgsqlConnection(pooled);
            NpgsqlConnection.ClearPool(pool);
        }

        await using var connection = new NpgsqlConnection(HelperConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{Name}\" CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
