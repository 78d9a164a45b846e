using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Shop.Database;

namespace Shop.Silo.Cluster;

/// <summary>
/// Brings the PostgreSQL schema up to date before anything reads it: the membership table, grain storage and
/// reminders all load their statements from it. Concurrent silos serialise on the migrator's advisory lock.
/// </summary>
internal sealed partial class SchemaMigrationAtStart(IReadOnlyList<string> connectionStrings, ILogger<SchemaMigrationAtStart> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>Before the silo's listeners open and long before membership, storage or reminders start.</summary>
    public const int Stage = ServiceLifecycleStage.RuntimeInitialize - 100;

    public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(nameof(SchemaMigrationAtStart), Stage, MigrateAsync);

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        foreach (var connectionString in connectionStrings)
        {
            var result = await SchemaMigrator.MigrateAsync(connectionString, cancellationToken);
            LogMigrated(result.Schema, result.PreviousVersion, result.CurrentVersion, result.Applied.Count);
        }
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Information,
        Message = "Schema {Schema} at version {CurrentVersion} (was {PreviousVersion}; {AppliedCount} migrations applied)")]
    private partial void LogMigrated(string schema, int previousVersion, int currentVersion, int appliedCount);
}
