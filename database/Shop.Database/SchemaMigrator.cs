using Npgsql;

namespace Shop.Database;

/// <summary>
/// Applies the embedded migrations to the connection's current schema (the first schema of its search path;
/// set <c>Search Path</c> in the connection string to use another than <c>public</c>, and the migrator creates
/// it). Idempotent: each migration runs once, in its own transaction with the row that records it in
/// <c>shop_schema_migrations</c>. Concurrent migrators (several silos starting at once) serialise on a
/// PostgreSQL advisory lock, so exactly one applies each migration. A database whose recorded version is newer
/// than this code knows is refused with <see cref="SchemaVersionException"/>: the migrator never downgrades.
/// </summary>
public static class SchemaMigrator
{
    // pg_advisory_lock(int4, int4): "shop" in ASCII, then a per-purpose number. One lock for the whole
    // database: migrations are rare and short, and schema creation itself must be serialised too.
    private const int LockClass = 0x73686F70;
    private const int LockObject = 1;

    /// <summary>The migrations this code knows, in version order.</summary>
    public static IReadOnlyList<SchemaMigration> Migrations => MigrationScripts.All;

    /// <summary>The latest schema version this code knows.</summary>
    public static int LatestVersion => MigrationScripts.All.Count;

    /// <summary>Brings the schema to <see cref="LatestVersion"/>.</summary>
    /// <param name="connectionString">An Npgsql connection string; its search path picks the schema.</param>
    /// <param name="cancellationToken">Cancels waiting for the lock and the running statement.</param>
    /// <returns>The versions before and after, and what was applied.</returns>
    /// <exception cref="SchemaVersionException">The database is newer than this code, or an applied script changed.</exception>
    /// <exception cref="NotSupportedException">The server is older than PostgreSQL <see cref="ShopDatabase.MinimumServerMajorVersion"/>.</exception>
    public static Task<SchemaMigrationResult> MigrateAsync(string connectionString, CancellationToken cancellationToken = default) =>
        MigrateToAsync(connectionString, LatestVersion, cancellationToken);

    /// <summary>Brings the schema to <paramref name="targetVersion"/> (never down: a newer schema is refused).</summary>
    /// <param name="connectionString">An Npgsql connection string; its search path picks the schema.</param>
    /// <param name="targetVersion">A version from 0 to <see cref="LatestVersion"/>.</param>
    /// <param name="cancellationToken">Cancels waiting for the lock and the running statement.</param>
    /// <returns>The versions before and after, and what was applied.</returns>
    /// <exception cref="SchemaVersionException">The database is newer than this code, or an applied script changed.</exception>
    public static async Task<SchemaMigrationResult> MigrateToAsync(
        string connectionString, int targetVersion, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentOutOfRangeException.ThrowIfNegative(targetVersion);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetVersion, LatestVersion);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        if (connection.PostgreSqlVersion.Major < ShopDatabase.MinimumServerMajorVersion)
        {
            throw new NotSupportedException(
                $"The shop schema needs PostgreSQL {ShopDatabase.MinimumServerMajorVersion} or later; the server is {connection.PostgreSqlVersion}.");
        }

        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({LockClass}, {LockObject})", cancellationToken);
        try
        {
            return await MigrateLockedAsync(connection, connectionString, targetVersion, cancellationToken);
        }
        finally
        {
            // Not the caller's token: the lock must go back even when the run was cancelled. A broken
            // connection releases it anyway when the server ends the session.
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({LockClass}, {LockObject})", CancellationToken.None);
            }
        }
    }

    /// <summary>Reads the schema version recorded in the connection's current schema (0 when none).</summary>
    /// <param name="connectionString">An Npgsql connection string; its search path picks the schema.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The highest applied version, or 0 for a schema the migrator never ran on.</returns>
    public static async Task<int> GetVersionAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return await ReadVersionAsync(connection, cancellationToken);
    }

    private static async Task<SchemaMigrationResult> MigrateLockedAsync(
        NpgsqlConnection connection, string connectionString, int targetVersion, CancellationToken cancellationToken)
    {
        var searchPath = new NpgsqlConnectionStringBuilder(connectionString).SearchPath;
        var requestedSchema = searchPath?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault()?.Trim('"');
        if (!string.IsNullOrEmpty(requestedSchema) && requestedSchema != "$user")
        {
            await ExecuteAsync(connection, $"CREATE SCHEMA IF NOT EXISTS {QuoteIdentifier(requestedSchema)}", cancellationToken);
        }

        var schema = await ScalarAsync<string?>(connection, "SELECT current_schema()", cancellationToken)
            ?? throw new InvalidOperationException(
                "The connection has no current schema: its search path names no existing schema. Set 'Search Path' in the connection string.");

        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS shop_schema_migrations
            (
                version    integer     NOT NULL PRIMARY KEY,
                name       text        NOT NULL,
                checksum   text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """, cancellationToken);

        var applied = await ReadAppliedAsync(connection, cancellationToken);
        var previous = applied.Count == 0 ? 0 : applied.Keys.Max();
        if (previous > LatestVersion)
        {
            throw new SchemaVersionException(
                $"Schema '{schema}' is at version {previous} ('{applied[previous].Name}'), newer than the latest version this code knows ({LatestVersion}). " +
                "Run a newer build of the shop against this database; the migrator never downgrades.",
                previous, LatestVersion);
        }

        foreach (var migration in Migrations.Where(m => applied.ContainsKey(m.Version)))
        {
            var (name, checksum) = applied[migration.Version];
            if (checksum != migration.Checksum)
            {
                throw new SchemaVersionException(
                    $"Migration {migration.Version} ('{name}') applied to schema '{schema}' differs from this build's script: scripts must not change once released; add a new migration instead.",
                    previous, LatestVersion);
            }
        }

        var done = new List<SchemaMigration>();
        foreach (var migration in Migrations.Where(m => m.Version > previous && m.Version <= targetVersion))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, migration.Sql, cancellationToken);
            await using (var record = new NpgsqlCommand(
                "INSERT INTO shop_schema_migrations (version, name, checksum) VALUES (@version, @name, @checksum)", connection))
            {
                record.Parameters.AddWithValue("version", migration.Version);
                record.Parameters.AddWithValue("name", migration.Name);
                record.Parameters.AddWithValue("checksum", migration.Checksum);
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            done.Add(migration);
        }

        return new SchemaMigrationResult(schema, previous, Math.Max(previous, done.LastOrDefault()?.Version ?? 0), done);
    }

    private static async Task<Dictionary<int, (string Name, string Checksum)>> ReadAppliedAsync(
        NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, (string Name, string Checksum)>();
        await using var command = new NpgsqlCommand("SELECT version, name, checksum FROM shop_schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
        }

        return applied;
    }

    private static async Task<int> ReadVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var exists = await ScalarAsync<bool>(connection, "SELECT to_regclass('shop_schema_migrations') IS NOT NULL", cancellationToken);
        return exists
            ? await ScalarAsync<int>(connection, "SELECT coalesce(max(version), 0) FROM shop_schema_migrations", cancellationToken)
            : 0;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull or null ? default! : (T)value;
    }

    private static string QuoteIdentifier(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
