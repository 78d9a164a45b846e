using Orleans;
using Orleans.Concurrency;

namespace Shop.Health;

/// <summary>Proves the cluster activates grains and answers calls; stateless, so a storage failure cannot hide behind it.</summary>
[StatelessWorker]
[GrainType("cluster-probe")]
internal sealed class ClusterProbeGrain : Grain, IClusterProbeGrain
{
    public Task Ping() => Task.CompletedTask;
}
