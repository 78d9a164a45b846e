using Granary.Invocation;
using Granary.Messaging;
using Granary.Runtime;
using Granary.Timers;

namespace Granary.Catalog;

/// <summary>Work waiting for or holding a turn: a request or a timer tick.</summary>
internal readonly record struct WorkItem(long Id, Message? Message, GrainTimer? Timer)
{
    public bool IsReadOnly => Message is { } m && (m.Options & InvokeMethodOptions.ReadOnly) != 0;

    /// <summary>Requests count as activity; timer ticks only when the timer was created with KeepAlive.</summary>
    public bool KeepsAlive => Message is not null || Timer?.KeepAlive == true;

    public bool IsAlwaysInterleave => Message is { } m ? (m.Options & InvokeMethodOptions.AlwaysInterleave) != 0 : Timer!.Interleave;
}

/// <summary>Deciding which work may start: one turn at a time, interleaving only where the grain allows it.</summary>
internal sealed partial class ActivationData
{
    private readonly Queue<WorkItem> _waiting = new();
    private readonly List<WorkItem> _running = [];

    /// <summary>
    /// Accepts a message for this activation. Returns false when the activation is gone, so the caller
    /// delivers to a new one instead.
    /// </summary>
    public bool Receive(Message message)
    {
        Exception? rejection = null;
        CancellationTokenSource? toCancel = null;
        lock (_lock)
        {
            if (_state == ActivationState.Invalid) return false;
            if (message.Direction == MessageDirection.Cancel) toCancel = CancelLocked(message.CancelledRequestId);
            else ReceiveLocked(message, ref rejection);
        }

        CancelQuietly(toCancel);
        if (rejection is not null) _shared.MessageCenter.SendResponse(message, Response.FromException(rejection));
        return true;
    }

    private void ReceiveLocked(Message message, ref Exception? rejection)
    {
        var work = new WorkItem(message.Id, message, null);
        if (!IsReentryLocked(message)) EnqueueOrStartLocked(work);
        else if (MayReenter(message)) StartLocked(work);
        else rejection = CreateDeadlockException(message);
    }

    private static void CancelQuietly(CancellationTokenSource? source)
    {
        try
        {
            source?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The request completed between the lookup and the cancellation: nothing left to cancel.
        }
    }

    /// <summary>Queues a timer tick as a turn of this activation.</summary>
    internal void EnqueueTimerTick(GrainTimer timer)
    {
        lock (_lock)
        {
            if (_state is ActivationState.Valid or ActivationState.Activating) EnqueueOrStartLocked(new WorkItem(Ids.Next(), null, timer));
        }
    }

    private void EnqueueOrStartLocked(WorkItem work)
    {
        if (_state == ActivationState.Valid && (work.IsAlwaysInterleave || (_waiting.Count == 0 && CanStartLocked(work))))
        {
            StartLocked(work);
            return;
        }

        _waiting.Enqueue(work);
        if (_state == ActivationState.Created) BeginActivationLocked();
    }

    private bool CanStartLocked(WorkItem work)
    {
        if (_running.Count == 0 || GrainClass.IsReentrant || work.IsAlwaysInterleave) return true;
        if (!work.IsReadOnly) return false;
        foreach (var running in _running)
        {
            if (!running.IsReadOnly) return false;
        }

        return true;
    }

    private void StartLocked(WorkItem work)
    {
        _running.Add(work);
        if (work.KeepsAlive) _lastActiveTimestamp = _shared.TimeProvider.GetTimestamp();
        _scheduler.Schedule(static state => ((WorkTurn)state!).RunAsync(), new WorkTurn(this, work));
    }

    private void OnWorkCompleted(WorkItem work)
    {
        lock (_lock)
        {
            _running.Remove(work);
            if (work.KeepsAlive) _lastActiveTimestamp = _shared.TimeProvider.GetTimestamp();
            PumpLocked();
        }
    }

    private void PumpLocked()
    {
        while (_state == ActivationState.Valid && _waiting.Count > 0 && CanStartLocked(_waiting.Peek())) StartLocked(_waiting.Dequeue());
        if (_state == ActivationState.Valid && _running.Count == 0 && _pendingDeactivation is { } reason) BeginDeactivationLocked(reason);
    }

    // A message re-enters when a request of this very activation is waiting on it further up the chain.
    private bool IsReentryLocked(Message message)
    {
        if (message.CallChain is not { } chain) return false;
        foreach (var entry in chain)
        {
            if (entry.ActivationId != ActivationId) continue;
            foreach (var running in _running)
            {
                if (running.Id == entry.RequestId) return true;
            }
        }

        return false;
    }

    private bool MayReenter(Message message) =>
        GrainClass.IsReentrant || message.AllowCallChainReentrancy || (message.Options & InvokeMethodOptions.AlwaysInterleave) != 0;

    private DeadlockException CreateDeadlockException(Message message) =>
        new([.. message.CallChain!.Select(e => e.Grain.ToString())], $"{GrainId} ({message.Body})");

    private sealed class WorkTurn(ActivationData activation, WorkItem work)
    {
        public async Task RunAsync()
        {
            Response? response = null;
            try
            {
                if (work.Message is { } message) response = await activation.InvokeAsync(message);
                else await activation.RunTimerTickAsync(work.Timer!, work.Id);
            }
            finally
            {
                activation.OnWorkCompleted(work);
            }

            // Answer only after the activation recorded the turn as done: a caller that sees the response
            // (a test advancing a clock, a client checking idleness) never races the bookkeeping.
            if (response is not null) activation._shared.MessageCenter.SendResponse(work.Message!, response);
        }
    }
}
