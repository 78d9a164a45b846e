using System.Collections.Concurrent;
using Granary.Configuration;
using Microsoft.Extensions.Options;

namespace Granary.Messaging;

/// <summary>
/// Requests awaiting their responses. One sweep timer expires overdue calls instead of a timer per call,
/// which keeps the per-call cost to a dictionary insert and removal.
/// </summary>
internal sealed class CallbackTable : IDisposable
{
    private readonly ConcurrentDictionary<long, PendingCall> _pending = new();
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _timeout;
    private readonly ITimer _sweepTimer;

    public CallbackTable(TimeProvider timeProvider, IOptions<MessagingOptions> options)
    {
        _timeProvider = timeProvider;
        _timeout = options.Value.ResponseTimeout;
        var sweepPeriod = TimeSpan.FromTicks(Math.Clamp(_timeout.Ticks / 4, TimeSpan.TicksPerMillisecond * 50, TimeSpan.TicksPerSecond));
        _sweepTimer = timeProvider.CreateTimer(static state => ((CallbackTable)state!).ExpireOverdue(), this, sweepPeriod, sweepPeriod);
    }

    public int Count => _pending.Count;

    /// <summary>The pending requests, for diagnostics.</summary>
    public IReadOnlyList<string> Describe() => [.. _pending.Values.Select(c => $"{c.Request} via {c.Request.TargetSilo}")];

    /// <summary>Registers a request before it is sent; the task completes with its response.</summary>
    public Task<object?> Register(Message request)
    {
        var call = new PendingCall(request, _timeProvider.GetTimestamp());
        _pending[request.Id] = call;
        return call.Task;
    }

    /// <summary>Completes a pending request; ignores responses that arrive after a timeout or cancellation.</summary>
    public void Complete(long requestId, Response response)
    {
        if (!_pending.TryRemove(requestId, out var call)) return;
        if (response.Exception is { } exception) call.TrySetException(exception);
        else call.TrySetResult(response.Result);
    }

    /// <summary>Fails a pending request, for example because it could not be delivered.</summary>
    public void Fail(long requestId, Exception exception) => Complete(requestId, Response.FromException(exception));

    /// <summary>Cancels a pending request on the caller's behalf.</summary>
    public bool TryCancel(long requestId)
    {
        if (!_pending.TryRemove(requestId, out var call)) return false;
        return call.TrySetCanceled();
    }

    /// <summary>Fails every pending request the predicate selects, for example those sent to a silo that died.</summary>
    public void FailWhere(Func<Message, bool> predicate, Func<Message, Exception> reason)
    {
        foreach (var (id, call) in _pending)
        {
            if (predicate(call.Request)) Fail(id, reason(call.Request));
        }
    }

    public void Dispose()
    {
        _sweepTimer.Dispose();
        foreach (var id in _pending.Keys) Fail(id, new ObjectDisposedException(nameof(CallbackTable), "The runtime stopped before the response arrived."));
    }

    private void ExpireOverdue()
    {
        var now = _timeProvider.GetTimestamp();
        foreach (var (id, call) in _pending)
        {
            if (_timeProvider.GetElapsedTime(call.StartTimestamp, now) < _timeout) continue;
            Fail(id, new TimeoutException(
                $"{call.Request.Body} on {call.Request.Target} did not respond within {_timeout.TotalSeconds:0.###} s (Granary:Messaging:ResponseTimeout)."));
        }
    }

    private sealed class PendingCall(Message request, long startTimestamp)
        : TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public Message Request { get; } = request;

        public long StartTimestamp { get; } = startTimestamp;
    }
}
