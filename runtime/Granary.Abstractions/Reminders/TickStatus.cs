using Granary.Concurrency;
using Granary.Serialization;

namespace Granary.Runtime;

/// <summary>When a reminder tick happens: its first due time, its period and the time of this tick (all UTC).</summary>
[GenerateSerializer]
[Immutable]
public readonly record struct TickStatus
{
    /// <summary>Creates a tick status.</summary>
    public TickStatus(DateTime firstTickTime, TimeSpan period, DateTime currentTickTime)
    {
        FirstTickTime = firstTickTime;
        Period = period;
        CurrentTickTime = currentTickTime;
    }

    /// <summary>When the reminder was first due.</summary>
    [Id(0)]
    public DateTime FirstTickTime { get; init; }

    /// <summary>The time between ticks.</summary>
    [Id(1)]
    public TimeSpan Period { get; init; }

    /// <summary>When this tick was delivered, by the silo's clock.</summary>
    [Id(2)]
    public DateTime CurrentTickTime { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"first {FirstTickTime:O}, period {Period}, now {CurrentTickTime:O}";
}
