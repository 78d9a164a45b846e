using Granary;

namespace Shop.Health;

/// <summary>
/// Answers readiness probes from inside the cluster: reaching it proves the cluster takes calls, and it writes
/// and reads its own state to prove the shop's grain storage works.
/// </summary>
public interface IHealthProbeGrain : IGrainWithStringKey
{
    /// <summary>Answers at once: the cluster takes calls.</summary>
    Task Ping();

    /// <summary>Writes a probe value to grain storage and reads it back; throws when storage fails.</summary>
    Task<DateTimeOffset> CheckStorage();
}
