using Granary.Serialization;

namespace Shop.Health;

/// <summary>When the probe last wrote to storage.</summary>
[GenerateSerializer]
internal sealed class HealthProbeState
{
    [Id(0)]
    public DateTimeOffset CheckedAt { get; set; }
}
