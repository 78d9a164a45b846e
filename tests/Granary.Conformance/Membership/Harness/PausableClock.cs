using Granary.Runtime;
using Granary.Testing;

namespace Granary.Conformance.Membership;

/// <summary>
/// One silo's view of the shared manual clock. Paused, as a process under SIGSTOP, its timers do not fire;
/// resumed, each overdue timer fires once, as a resumed process catches up.
/// </summary>
internal sealed class PausableClock(ManualTimeProvider clock) : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<(TimerCallback Callback, object? State)> _overdue = [];
    private bool _paused;

    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override long GetTimestamp() => clock.GetTimestamp();

    public override long TimestampFrequency => clock.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        clock.CreateTimer(s => Fire(callback, s), state, dueTime, period);

    public void Pause()
    {
        lock (_lock) _paused = true;
    }

    public void Resume()
    {
        (TimerCallback Callback, object? State)[] overdue;
        lock (_lock)
        {
            _paused = false;
            overdue = [.. _overdue];
            _overdue.Clear();
        }

        foreach (var (callback, state) in overdue) callback(state);
    }

    private void Fire(TimerCallback callback, object? state)
    {
        lock (_lock)
        {
            if (_paused)
            {
                if (!_overdue.Any(o => o.Callback == callback && o.State == state)) _overdue.Add((callback, state));
                return;
            }
        }

        callback(state);
    }
}
