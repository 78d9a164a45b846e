using Granary.Lifecycle;
using Granary.Streaming.Providers;

namespace Granary.Streaming.Agents;

/// <summary>
/// Starts a provider's partition balancing once the silo accepts grain calls, and stops its agents first
/// when the silo stops, so the batches in hand are delivered and committed before grains deactivate.
/// The stage is just after <see cref="ServiceLifecycleStage.Active"/> so that, on a graceful stop, the agents
/// commit before the silo announces ShuttingDown: the silos taking its partitions over resume exactly where it
/// stopped, with nothing delivered twice.
/// </summary>
internal sealed class StreamAgentsLifecycle(string providerName, StreamAgentManager agents, IQueueAdapter adapter, IStreamPartitionBalancer balancer)
    : ISiloLifecycleParticipant
{
    public int Stage => ServiceLifecycleStage.Active + 1;

    public string Name => $"Streams({providerName})";

    public Task OnStartAsync(CancellationToken cancellationToken) =>
        balancer.StartAsync(providerName, adapter.PartitionCount, agents, cancellationToken);

    public async Task OnStopAsync(CancellationToken cancellationToken)
    {
        await balancer.StopAsync(providerName, cancellationToken);
        await agents.StopAllAsync(cancellationToken);
    }
}
