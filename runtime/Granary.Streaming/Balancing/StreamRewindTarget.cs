using Granary.Lifecycle;
using Granary.Runtime;
using Granary.Streaming.Agents;
using Granary.Streams;
using Granary.SystemTargets;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Streaming.Balancing;

/// <summary>
/// This silo's end of <see cref="IStreamRewindTarget"/>, registered before grains run: rewinds asked for by
/// subscriptions on other silos reach the agents of the partitions this silo reads.
/// </summary>
internal sealed class StreamRewindTarget(IServiceProvider services, SystemTargetRegistry registry) : IStreamRewindTarget, ISiloLifecycleParticipant
{
    public static readonly GrainType TargetType = new("sys.stream-rewinds");

    public int Stage => ServiceLifecycleStage.RuntimeInitialize;

    public Task OnStartAsync(CancellationToken cancellationToken)
    {
        registry.Register(TargetType, this);
        return Task.CompletedTask;
    }

    public Task OnStopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> Rewind(string provider, int partition, Guid subscriptionId, string consumer, string streamNamespace, string streamKey, long from) =>
        Task.FromResult(Agents(provider)?.TryRewindLocally(
            new RewindRequest(partition, subscriptionId, GrainId.Parse(consumer), StreamId.Create(streamNamespace, streamKey), from)) ?? false);

    public Task CancelRewind(string provider, int partition, Guid subscriptionId)
    {
        Agents(provider)?.TryCancelRewindLocally(partition, subscriptionId);
        return Task.CompletedTask;
    }

    private StreamAgentManager? Agents(string provider) => services.GetKeyedService<StreamAgentManager>(provider);
}
