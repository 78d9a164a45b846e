using Orleans;
using Orleans.Runtime;

namespace Shop.Health;

/// <summary>Proves the cluster takes calls and the shop's storage reads and writes.</summary>
[GrainType("health-probe")]
internal sealed class HealthProbeGrain(
    [PersistentState("probe", ShopStorage.Name)] IPersistentState<HealthProbeState> probe,
    TimeProvider time) : Grain, IHealthProbeGrain
{
    public async Task<DateTimeOffset> CheckStorage()
    {
        var now = time.GetUtcNow();
        probe.State.CheckedAt = now;
        await probe.WriteStateAsync();
        await probe.ReadStateAsync();
        return probe.State.CheckedAt == now
            ? now
            : throw new InvalidOperationException("The probe read back something other than what it wrote.");
    }
}
