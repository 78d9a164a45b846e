namespace Granary.Concurrency;

/// <summary>Requests of this grain class may interleave at await points. Turns still never run in parallel.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;

/// <summary>This method may interleave with any other request, even on a non-reentrant grain.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;

/// <summary>This method does not modify state: read-only requests may interleave with each other.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute;

/// <summary>The caller does not wait for completion or see failures: the call is fire-and-forget.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OneWayAttribute : Attribute;

/// <summary>
/// The grain holds no identity-bound state: the runtime may run several activations of the same id,
/// always on the calling silo, up to <see cref="MaxLocalWorkers"/> (default: the processor count).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class StatelessWorkerAttribute(int maxLocalWorkers = -1) : Attribute
{
    /// <summary>Most activations per silo; -1 means the processor count.</summary>
    public int MaxLocalWorkers { get; } = maxLocalWorkers;
}

/// <summary>
/// Values of this type (or this parameter) are never mutated after being sent, so the runtime passes
/// them by reference between grains of one silo instead of copying them.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Parameter | AttributeTargets.Field | AttributeTargets.Property | AttributeTargets.ReturnValue)]
public sealed class ImmutableAttribute : Attribute;

/// <summary>Wraps a value the sender promises not to mutate, so it is passed without a copy.</summary>
public readonly record struct Immutable<T>(T Value);
