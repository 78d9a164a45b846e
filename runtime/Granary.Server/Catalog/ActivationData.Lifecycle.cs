using Granary.Invocation;
using Granary.Messaging;
using Granary.Runtime;
using Granary.Timers;
using Microsoft.Extensions.Logging;

namespace Granary.Catalog;

/// <summary>Activation and deactivation.</summary>
internal sealed partial class ActivationData
{
    private DeactivationReason? _pendingDeactivation;
    private GrainDirectory.GrainAddress? _registered;
    private WorkItem _activationWork;

    /// <summary>The directory entry this activation won, once it won it.</summary>
    public GrainDirectory.GrainAddress? RegisteredAddress => Volatile.Read(ref _registered);

    public void Deactivate(DeactivationReason reason)
    {
        lock (_lock)
        {
            if (_state is ActivationState.Deactivating or ActivationState.Invalid) return;
            _pendingDeactivation ??= reason;
            if (_state == ActivationState.Created)
            {
                BecomeInvalidLocked();
                return;
            }

            if (_state == ActivationState.Valid && _running.Count == 0) BeginDeactivationLocked(reason);
        }
    }

    private void BeginActivationLocked()
    {
        _state = ActivationState.Activating;
        // Activation holds the turn like a request, so calls from OnActivateAsync that come back are recognised as re-entry.
        _activationWork = new WorkItem(Ids.Next(), null, null);
        _running.Add(_activationWork);
        _ = _scheduler.Run(static state => ((ActivationData)state!).ActivateAsync(), this);
    }

    private async Task ActivateAsync()
    {
        CallContext.Current = new IncomingCall(GrainId, ActivationId, _activationWork.Id, null);
        if (!GrainClass.IsStatelessWorker && await RegisterOrForwardAsync() is false)
        {
            _migrationArrived?.TrySetResult(false);
            return;
        }

        // A migrated activation holds its grain from here: the old silo may now send it the calls that waited.
        _migrationArrived?.TrySetResult(true);
        try
        {
            using (RuntimeContext.Construct(this)) GrainInstance = _shared.Activator.CreateInstance(this, GrainClass.ClassType);
            await RestoreStateAsync();
            if (GrainInstance is IGrainBase grain) await grain.OnActivateAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogActivationFailed(exception, GrainId);
            FailActivation(exception);
            return;
        }

        _shared.Instruments.ActivationCreated(GrainClass.GrainType);
        lock (_lock)
        {
            // Dropped meanwhile (its silo was declared dead): it must not come back to life.
            if (_state == ActivationState.Invalid) return;
            _running.Remove(_activationWork);
            _state = ActivationState.Valid;
            PumpLocked();
        }
    }

    /// <summary>Claims the grain in the directory; when another silo already holds it, sends the waiting messages there.</summary>
    private async Task<bool> RegisterOrForwardAsync()
    {
        var mine = GrainDirectory.GrainAddress.Of(GrainId, _shared.LocalSilo.SiloAddress, ActivationId);
        GrainDirectory.GrainAddress winner;
        try
        {
            winner = await RegisterPastMigratedAsync(mine);
        }
        catch (Exception exception)
        {
            FailActivation(exception);
            return false;
        }

        if (winner == mine)
        {
            _registered = mine;
            LogRegistered(GrainId, ActivationId);
            return true;
        }

        WorkItem[] waiting;
        lock (_lock)
        {
            waiting = [.. _waiting];
            _waiting.Clear();
            _running.Clear();
            BecomeInvalidLocked();
        }

        foreach (var work in waiting)
        {
            if (work.Message is not { } message) continue;
            message.TargetSilo = winner.SiloAddress;
            message.ForwardCount++;
            _shared.MessageCenter.Send(message);
        }

        return false;
    }

    private void FailActivation(Exception exception)
    {
        _migrationArrived?.TrySetResult(false);
        WorkItem[] waiting;
        lock (_lock)
        {
            waiting = [.. _waiting];
            _waiting.Clear();
            _running.Clear();
            BecomeInvalidLocked();
        }

        foreach (var work in waiting)
        {
            if (work.Message is { } message) _shared.MessageCenter.SendResponse(message, Response.FromException(exception));
        }

        if (_registered is { } registered)
        {
            LogUnregistering(GrainId, ActivationId);
            _ = _shared.Directory.UnregisterAsync(registered);
        }
    }

    private void BeginDeactivationLocked(DeactivationReason reason)
    {
        _state = ActivationState.Deactivating;
        _ = _scheduler.Run(static state => ((ActivationData)state!).DeactivateAsync(), this);
        LogDeactivating(GrainId, reason.ToString());
    }

    private async Task DeactivateAsync()
    {
        var reason = _pendingDeactivation ?? new DeactivationReason(DeactivationReasonCode.None, "");
        GrainTimer[] timers;
        lock (_lock) timers = [.. _timers];
        foreach (var timer in timers) timer.Dispose();
        await DisposeEnumerationsAsync();
        if (GrainInstance is IGrainBase grain)
        {
            using var timeout = new CancellationTokenSource(_shared.Collection.DeactivationTimeout, _shared.TimeProvider);
            try
            {
                await grain.OnDeactivateAsync(reason, timeout.Token);
            }
            catch (Exception exception)
            {
                LogDeactivationFailed(exception, GrainId);
            }
        }

        var dehydrated = TryDehydrate(reason);
        var previous = _registered;
        _shared.Instruments.ActivationDestroyed(GrainClass.GrainType);
        if (_registered is { } registered)
        {
            LogUnregistering(GrainId, ActivationId);
            await _shared.Directory.UnregisterAsync(registered);
        }

        // Only after unregistering: the target's registration must not meet this activation's entry. A directory
        // owner still recovering asks the silos who holds the grain; this activation no longer does.
        if (dehydrated is not null) Volatile.Write(ref _registered, null);
        var movedTo = dehydrated is not null && await TransferAsync(_migrationTarget!, previous!, dehydrated) ? _migrationTarget : null;

        WorkItem[] leftovers;
        lock (_lock)
        {
            leftovers = [.. _waiting];
            _waiting.Clear();
            BecomeInvalidLocked();
        }

        // Requests that arrived while draining go to the migrated activation, or to a fresh one wherever placement puts it.
        foreach (var work in leftovers)
        {
            if (work.Message is not { } message) continue;
            message.TargetSilo = movedTo;
            _shared.MessageCenter.Send(message);
        }
    }

    /// <summary>
    /// Ends the activation at once, without OnDeactivateAsync and without unregistering: its silo was declared dead,
    /// so other silos may already host the grain and this one must not run grain code or write state any more.
    /// Waiting calls fail with <see cref="SiloUnavailableException"/>, so their callers retry elsewhere.
    /// </summary>
    public void Drop()
    {
        WorkItem[] waiting;
        GrainTimer[] timers;
        lock (_lock)
        {
            if (_state == ActivationState.Invalid) return;
            waiting = [.. _waiting];
            timers = [.. _timers];
            _waiting.Clear();
            BecomeInvalidLocked();
        }

        if (_registered is not null) LogDropped(GrainId, ActivationId);
        foreach (var timer in timers) timer.Dispose();
        var unavailable = new SiloUnavailableException($"{GrainId} was on a silo the cluster declared dead.");
        foreach (var work in waiting)
        {
            if (work.Message is { } message) _shared.MessageCenter.SendResponse(message, Response.FromException(unavailable));
        }
    }

    private void BecomeInvalidLocked()
    {
        _state = ActivationState.Invalid;
        _shared.Catalog.OnActivationGone(this);
        _deactivated.TrySetResult();
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "Activation of {Grain} failed")]
    private partial void LogActivationFailed(Exception exception, GrainId grain);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Deactivating {Grain}: {Reason}")]
    private partial void LogDeactivating(GrainId grain, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "OnDeactivateAsync of {Grain} failed")]
    private partial void LogDeactivationFailed(Exception exception, GrainId grain);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "One-way call {Method} on {Grain} failed")]
    private partial void LogOneWayFailed(Exception exception, string method, GrainId grain);

    // 3004 and 3005 bracket the time an activation holds its grain's directory entry: a journal of them from
    // every silo shows whether two activations of one grain ever held it at once (the chaos test reads them).
    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug, Message = "Activation {ActivationId} of {Grain} registered in the directory")]
    private partial void LogRegistered(GrainId grain, long activationId);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Debug, Message = "Activation {ActivationId} of {Grain} unregistering from the directory")]
    private partial void LogUnregistering(GrainId grain, long activationId);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Debug, Message = "Activation {ActivationId} of {Grain} dropped: this silo was declared dead")]
    private partial void LogDropped(GrainId grain, long activationId);
}
