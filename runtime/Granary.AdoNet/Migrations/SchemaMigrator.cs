using Granary.AdoNet.Database;
using Granary.Lifecycle;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Granary.AdoNet.Migrations;

/// <summary>
/// Brings each database the silo's PostgreSQL providers use to the schema version this build understands, at the
/// storage stage of start-up. Scripts run in one transaction under an advisory lock, so silos starting together
/// migrate once. Start-up fails, naming the versions, when the schema is newer than this build knows, or older
/// while every provider on that database has migrations turned off.
/// </summary>
internal sealed partial class SchemaMigrator(IEnumerable<AdoNetSchemaUser> users, NpgsqlDataSources dataSources, ILogger<SchemaMigrator> logger) : ISiloLifecycleParticipant
{
    private const string LockSql = "SELECT pg_advisory_xact_lock(hashtext('granary-migrations:' || coalesce(current_schema(), '')))";

    public int Stage => ServiceLifecycleStage.RuntimeStorage;

    public async Task OnStartAsync(CancellationToken cancellationToken)
    {
        var targets = users.Select(u => (u.Description, Target: u.Resolve())).GroupBy(u => u.Target.ConnectionString, StringComparer.Ordinal);
        foreach (var database in targets)
        {
            var first = database.First().Target;
            var who = string.Join(", ", database.Select(u => u.Description));
            var runner = new AdoNetDatabase($"schema of {who}", first.ConnectionString, dataSources.Get(first.ConnectionString), first.Resilience, null, logger);
            await MigrateAsync(runner, database.Any(u => u.Target.ApplyMigrations), who, cancellationToken);
        }
    }

    public Task OnStopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task MigrateAsync(AdoNetDatabase database, bool apply, string who, CancellationToken cancellationToken)
    {
        var latest = MigrationScripts.LatestVersion;
        var current = await database.RunAsync("schema version check", static async (source, _, ct) =>
        {
            await using var connection = await source.OpenConnectionAsync(ct);
            return await ReadVersionAsync(connection, ct);
        }, cancellationToken);
        EnsureNotNewer(database, current, latest);
        if (current == latest)
        {
            LogUpToDate(database.Description, current);
            return;
        }

        if (!apply)
        {
            var pending = string.Join(", ", MigrationScripts.All.Where(s => s.Version > current).Select(s => s.Name));
            throw new InvalidOperationException(
                $"The Granary schema of {database.Description} is at version {current}, but this silo needs version {latest}, and ApplyMigrations is off for {who}. " +
                $"Apply {pending} in order (psql -v ON_ERROR_STOP=1 --single-transaction -f <script>; the scripts ship in granary-migrations/postgresql beside the application), or set ApplyMigrations to true.");
        }

        var applied = await database.RunAsync("schema migration", async (source, _, ct) =>
        {
            await using var connection = await source.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await ExecuteAsync(connection, LockSql, ct);
            var locked = await ReadVersionAsync(connection, ct);
            EnsureNotNewer(database, locked, latest);
            var scripts = MigrationScripts.All.Where(s => s.Version > locked).ToList();
            foreach (var script in scripts) await ExecuteAsync(connection, script.Sql, ct);
            await transaction.CommitAsync(ct);
            return scripts;
        }, cancellationToken);
        foreach (var script in applied) LogApplied(database.Description, script.Name);
    }

    private static void EnsureNotNewer(AdoNetDatabase database, int current, int latest)
    {
        if (current <= latest) return;
        throw new InvalidOperationException(
            $"The Granary schema of {database.Description} is at version {current}, newer than this silo understands (up to version {latest}). " +
            $"A newer Granary.AdoNet migrated it: run silos of that version, or point this silo at a database of schema version {latest} or older.");
    }

    private static async Task<int> ReadVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('granary_schema_version') IS NOT NULL", connection))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!) return 0;
        }

        await using var max = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM granary_schema_version", connection);
        return (int)(await max.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 7100, Level = LogLevel.Information, Message = "{Database}: applied migration {Script}")]
    private partial void LogApplied(string database, string script);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Debug, Message = "{Database}: schema is at version {Version}, up to date")]
    private partial void LogUpToDate(string database, int version);
}
