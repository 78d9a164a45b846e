namespace Granary.Timers;

/// <summary>A timer owned by an activation. Its callbacks run as turns of that activation, never concurrently with each other.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Changes when the timer next fires and its period. <see cref="Timeout.InfiniteTimeSpan"/> stops it.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}

/// <summary>How a grain timer behaves.</summary>
public readonly record struct GrainTimerCreationOptions
{
    /// <summary>Creates options with a due time and a period.</summary>
    public GrainTimerCreationOptions(TimeSpan dueTime, TimeSpan period)
    {
        DueTime = dueTime;
        Period = period;
    }

    /// <summary>Time until the first tick.</summary>
    public TimeSpan DueTime { get; init; }

    /// <summary>Time between the end of one tick and the start of the next; <see cref="Timeout.InfiniteTimeSpan"/> fires once.</summary>
    public TimeSpan Period { get; init; }

    /// <summary>When true, ticks interleave with requests instead of waiting for the activation to be idle.</summary>
    public bool Interleave { get; init; }

    /// <summary>When true, ticks count as activity and keep the grain from idle collection.</summary>
    public bool KeepAlive { get; init; }
}
