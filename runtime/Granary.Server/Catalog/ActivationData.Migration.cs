using Granary.Runtime;
using Granary.Storage;
using Granary.SystemTargets;
using Microsoft.Extensions.Logging;

namespace Granary.Catalog;

/// <summary>
/// Moving an activation to a chosen silo with its state: after its last turn the grain is dehydrated, unregistered,
/// and the values are sent to the target, which registers a new activation and rehydrates it before its first call.
/// Any failure falls back to a plain deactivation: the grain activates anew on its next call, reading storage.
/// </summary>
internal sealed partial class ActivationData
{
    private SiloAddress? _migrationTarget;
    private MigrationContext? _rehydration;
    private GrainDirectory.GrainAddress? _migratedFrom;
    private TaskCompletionSource<bool>? _migrationArrived;

    /// <summary>Deactivates the activation once idle and moves it, with its state, to <paramref name="target"/>.</summary>
    public void Migrate(SiloAddress target, DeactivationReason reason)
    {
        lock (_lock)
        {
            if (_state != ActivationState.Valid || _pendingDeactivation is not null) return;
            _migrationTarget = target;
        }

        Deactivate(reason);
    }

    /// <summary>Starts an activation created for a migrated grain; completes true once it holds the directory entry.</summary>
    public Task<bool> StartRehydrated(GrainDirectory.GrainAddress previous, MigrationContext context)
    {
        lock (_lock)
        {
            if (_state != ActivationState.Created) return Task.FromResult(false);
            _migratedFrom = previous;
            _rehydration = context;
            _migrationArrived = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            BeginActivationLocked();
            return _migrationArrived.Task;
        }
    }

    /// <summary>The migrated values of this activation, or null when it is not migrating or cannot be dehydrated.</summary>
    private MigrationContext? TryDehydrate(DeactivationReason reason)
    {
        if (reason.ReasonCode != DeactivationReasonCode.Migrating || _migrationTarget is null || _registered is null) return null;
        try
        {
            var context = new MigrationContext(GrainId);
            foreach (var state in _persistentStates) (state as IMigratingState)?.Dehydrate(context);
            (GrainInstance as IGrainMigrationParticipant)?.OnDehydrate(context);
            return context;
        }
        catch (Exception exception)
        {
            LogDehydrationFailed(exception, GrainId);
            return null;
        }
    }

    /// <summary>Hands the dehydrated grain to the target silo; false when it did not take it.</summary>
    private async Task<bool> TransferAsync(SiloAddress target, GrainDirectory.GrainAddress previous, MigrationContext context)
    {
        try
        {
            var accepted = await _shared.GrainFactory.GetGrain<IMigrationTarget>(SystemTargetRegistry.Address(MigrationTarget.TargetType, target))
                .Accept(previous, context.Values);
            if (accepted) LogMigrated(GrainId, target);
            else LogMigrationRefused(GrainId, target);
            return accepted;
        }
        catch (Exception exception)
        {
            LogMigrationFailed(exception, GrainId, target);
            return false;
        }
    }

    /// <summary>
    /// Registers this activation; a migrated one may find the entry of the activation it replaces, put back by a
    /// directory hand-off that crossed the old silo's unregistration. That activation is gone (its silo sent the grain
    /// here only after unregistering it), so its entry is removed and the registration retried; the removal is
    /// conditional on the exact entry, so it never removes another activation.
    /// </summary>
    private async Task<GrainDirectory.GrainAddress> RegisterPastMigratedAsync(GrainDirectory.GrainAddress mine)
    {
        for (var attempt = 0; ; attempt++)
        {
            var winner = await _shared.Directory.RegisterAsync(mine);
            if (winner == mine || _migratedFrom is not { } previous || winner != previous || attempt >= 2) return winner;
            await _shared.Directory.UnregisterAsync(previous);
        }
    }

    /// <summary>Restores persistent states from the carried values (reading those it lacks) and lets the grain rehydrate.</summary>
    private async Task RestoreStateAsync()
    {
        var context = _rehydration;
        _rehydration = null;
        foreach (var state in _persistentStates)
        {
            if (context is null || state is not IMigratingState migrating || !migrating.TryRehydrate(context))
                await state.ReadStateAsync(CancellationToken.None);
        }

        if (context is not null && GrainInstance is IGrainMigrationParticipant participant) participant.OnRehydrate(context);
    }

    [LoggerMessage(EventId = 3007, Level = LogLevel.Debug, Message = "Migrated {Grain} to {Target}")]
    private partial void LogMigrated(GrainId grain, SiloAddress target);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "{Target} did not take {Grain}; it activates anew on its next call")]
    private partial void LogMigrationRefused(GrainId grain, SiloAddress target);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Warning, Message = "Migrating {Grain} to {Target} failed; it activates anew on its next call")]
    private partial void LogMigrationFailed(Exception exception, GrainId grain, SiloAddress target);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "Dehydrating {Grain} failed; it activates anew on its next call")]
    private partial void LogDehydrationFailed(Exception exception, GrainId grain);
}
