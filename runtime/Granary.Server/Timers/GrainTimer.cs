using Granary.Catalog;
using Microsoft.Extensions.Logging;

namespace Granary.Timers;

/// <summary>
/// A grain timer. Each tick is queued as a turn of its activation; the next tick is armed only after the
/// callback completes, so ticks never overlap and a slow callback delays rather than stacks them.
/// </summary>
internal sealed partial class GrainTimer : IGrainTimer
{
    private readonly ActivationData _owner;
    private readonly Func<object?, CancellationToken, Task> _callback;
    private readonly object? _state;
    private readonly CancellationTokenSource _disposed = new();
    private readonly ITimer _timer;
    private readonly ILogger _logger;
    private readonly TimeSpan _dueTime;
    private TimeSpan _period;

    public GrainTimer(ActivationData owner, TimeProvider timeProvider, Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options)
    {
        Validate(options.DueTime, options.Period);
        _owner = owner;
        _callback = callback;
        _state = state;
        _dueTime = options.DueTime;
        _period = options.Period;
        Interleave = options.Interleave;
        KeepAlive = options.KeepAlive;
        _logger = owner.Logger;
        _timer = timeProvider.CreateTimer(static t => ((GrainTimer)t!).OnDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public bool Interleave { get; }

    public bool KeepAlive { get; }

    public void Start() => Arm(_dueTime);

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        Validate(dueTime, period);
        _period = period;
        Arm(dueTime);
    }

    public void Dispose()
    {
        if (_disposed.IsCancellationRequested) return;
        _disposed.Cancel();
        _timer.Dispose();
        _owner.RemoveTimer(this);
    }

    /// <summary>Runs the callback; called inside the activation's turn.</summary>
    internal async Task RunTickAsync()
    {
        if (_disposed.IsCancellationRequested) return;
        try
        {
            await _callback(_state, _disposed.Token);
        }
        catch (Exception exception) when (!_disposed.IsCancellationRequested)
        {
            LogTickFailed(exception, _owner.GrainId);
        }
        catch (OperationCanceledException)
        {
            // Disposed during the tick: the callback observed its token.
        }

        if (!_disposed.IsCancellationRequested && _period != Timeout.InfiniteTimeSpan) Arm(_period);
    }

    private void OnDue()
    {
        if (!_disposed.IsCancellationRequested) _owner.EnqueueTimerTick(this);
    }

    private void Arm(TimeSpan dueTime)
    {
        if (_disposed.IsCancellationRequested) return;
        _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
    }

    private static void Validate(TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "The due time must be zero or positive, or Timeout.InfiniteTimeSpan.");
        if (period <= TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive, or Timeout.InfiniteTimeSpan for a one-shot timer.");
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "A timer callback of {Grain} failed")]
    private partial void LogTickFailed(Exception exception, Granary.Runtime.GrainId grain);
}
