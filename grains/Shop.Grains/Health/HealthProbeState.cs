using Orleans;

namespace Shop.Health;

/// <summary>When the probe last wrote to storage.</summary>
[GenerateSerializer]
[Alias("shop.health.HealthProbeState")]
internal sealed class HealthProbeState
{
    [Id(0)]
    public DateTimeOffset CheckedAt { get; set; }
}
