using Orleans;

namespace Shop.Health;

/// <summary>Answers the cluster readiness probe. It holds no state, so it answers whether or not storage works.</summary>
[Alias("shop.IClusterProbeGrain")]
public interface IClusterProbeGrain : IGrainWithIntegerKey
{
    /// <summary>Answers at once: the cluster takes calls.</summary>
    Task Ping();
}
