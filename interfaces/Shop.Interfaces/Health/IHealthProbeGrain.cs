using Orleans;

namespace Shop.Health;

/// <summary>
/// Answers the storage readiness probe from inside the cluster: it writes and reads its own state to prove the
/// shop's grain storage works.
/// </summary>
[Alias("shop.IHealthProbeGrain")]
public interface IHealthProbeGrain : IGrainWithStringKey
{
    /// <summary>Writes a probe value to grain storage and reads it back; throws when storage fails.</summary>
    Task<DateTimeOffset> CheckStorage();
}
