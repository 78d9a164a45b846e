using Granary.Streaming.Providers;

namespace Granary.Streaming.Agents;

/// <summary>The default balancer: this silo owns every partition (a single silo, or until a cluster balancer is configured).</summary>
internal sealed class AllPartitionsBalancer : IStreamPartitionBalancer
{
    public Task StartAsync(string providerName, int partitionCount, IPartitionOwner owner, CancellationToken cancellationToken) =>
        owner.AcquireAsync([.. Enumerable.Range(0, partitionCount)], cancellationToken);

    public Task StopAsync(string providerName, CancellationToken cancellationToken) => Task.CompletedTask;
}
