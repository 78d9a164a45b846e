using Granary.Timers;

namespace Granary;

/// <summary>Timer registration for grains, as in Orleans: <c>this.RegisterGrainTimer(...)</c>.</summary>
public static class GrainTimerExtensions
{
    /// <summary>Registers a timer that calls <paramref name="callback"/> as a turn of this grain.</summary>
    public static IGrainTimer RegisterGrainTimer(this IGrainBase grain, Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return grain.GrainContext.RegisterTimer((_, ct) => callback(ct), null, options);
    }

    /// <summary>Registers a timer that calls <paramref name="callback"/> with <paramref name="state"/> as a turn of this grain.</summary>
    public static IGrainTimer RegisterGrainTimer<TState>(this IGrainBase grain, Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return grain.GrainContext.RegisterTimer((s, ct) => callback((TState)s!, ct), state, options);
    }

    /// <summary>Registers a non-interleaving timer with a due time and a period.</summary>
    public static IGrainTimer RegisterGrainTimer(this IGrainBase grain, Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        grain.RegisterGrainTimer(callback, new GrainTimerCreationOptions(dueTime, period));
}
