using Granary.Runtime;

namespace Granary.Reminders;

/// <summary>
/// A reminder this silo owns and fires. Ticks fall on <c>StartAt + k * Period</c>; ticks missed while no silo
/// owned the reminder are skipped, not replayed. Deliveries never overlap: a tick due while the previous one is
/// still being delivered runs right after it, and further ones due meanwhile are coalesced into it.
/// </summary>
internal sealed class LocalReminder : IDisposable
{
    // System timers accept at most about 49 days; longer waits are re-armed in steps.
    private static readonly TimeSpan MaxTimerWait = TimeSpan.FromDays(1);

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly Func<LocalReminder, DateTime, Task> _deliver;
    private readonly ITimer _timer;
    private DateTime _nextDue;
    private DateTime? _pendingDue;
    private Task _delivering = Task.CompletedTask;
    private bool _running;
    private bool _disposed;

    public LocalReminder(ReminderEntry entry, long generation, TimeProvider time, Func<LocalReminder, DateTime, Task> deliver)
    {
        Entry = entry;
        Generation = generation;
        _time = time;
        _deliver = deliver;
        _timer = time.CreateTimer(static s => ((LocalReminder)s!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public ReminderEntry Entry { get; }

    /// <summary>When the service scheduled it; a table refresh that began earlier must not drop it.</summary>
    public long Generation { get; }

    /// <summary>Completes when no delivery is running.</summary>
    public Task Delivering
    {
        get
        {
            lock (_lock) return _delivering;
        }
    }

    /// <summary>
    /// Arms the first tick. A new registration may be due right now; a reminder read from the table fires first
    /// strictly after now, because a tick due at this very instant belongs to the silo that owned it until now.
    /// </summary>
    public void Start(bool dueNowIncluded)
    {
        lock (_lock)
        {
            var now = Now;
            _nextDue = dueNowIncluded || now < Entry.StartAt ? FirstDueAtOrAfter(now) : FirstDueAtOrAfter(now + TimeSpan.FromTicks(1));
            Arm();
        }
    }

    public void Dispose()
    {
        lock (_lock) _disposed = true;
        _timer.Dispose();
    }

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    private void OnTimer()
    {
        lock (_lock)
        {
            if (_disposed) return;
            if (Now < _nextDue)
            {
                Arm();
                return;
            }

            var due = _nextDue;
            _nextDue = NextAfter(due);
            Arm();
            if (_running)
            {
                _pendingDue = due;
                return;
            }

            _running = true;
            _delivering = DeliverAsync(due);
        }
    }

    private async Task DeliverAsync(DateTime due)
    {
        // Leave the timer callback first: a manual clock fires it on the thread that advances time.
        await Task.Yield();
        while (true)
        {
            await _deliver(this, due);
            lock (_lock)
            {
                if (_pendingDue is not { } pending || _disposed)
                {
                    _pendingDue = null;
                    _running = false;
                    return;
                }

                _pendingDue = null;
                due = pending;
            }
        }
    }

    private void Arm()
    {
        var wait = _nextDue - Now;
        if (wait < TimeSpan.Zero) wait = TimeSpan.Zero;
        _timer.Change(wait > MaxTimerWait ? MaxTimerWait : wait, Timeout.InfiniteTimeSpan);
    }

    private DateTime FirstDueAtOrAfter(DateTime now)
    {
        var start = Entry.StartAt;
        if (now <= start) return start;
        var periods = (now - start).Ticks / Entry.Period.Ticks;
        var candidate = start + TimeSpan.FromTicks(periods * Entry.Period.Ticks);
        return candidate < now ? candidate + Entry.Period : candidate;
    }

    private DateTime NextAfter(DateTime due)
    {
        var next = due + Entry.Period;
        var now = Now;
        return next >= now ? next : FirstDueAtOrAfter(now);
    }
}
