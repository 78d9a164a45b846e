using System.Collections.Concurrent;
using Granary.Runtime;
using Granary.Streaming.Balancing;
using Granary.Streaming.Producers;
using Granary.Streaming.Providers;
using Granary.SystemTargets;
using Microsoft.Extensions.Logging;

namespace Granary.Streaming.Agents;

/// <summary>The pulling agents of one provider on this silo: one per partition the balancer gave this silo.</summary>
internal sealed partial class StreamAgentManager : IPartitionOwner, IDisposable
{
    private readonly ConcurrentDictionary<int, PartitionAgent> _agents = new();
    private readonly StreamProvider _provider;
    private readonly EventDispatcher _dispatcher;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger<StreamAgentManager> _logger;
    private readonly IPartitionLocator? _locator;

    public StreamAgentManager(StreamProvider provider, ILoggerFactory loggers, ILogger<StreamAgentManager> logger, IPartitionLocator? locator = null)
    {
        _provider = provider;
        _locator = locator;
        _loggers = loggers;
        _logger = logger;
        _dispatcher = new EventDispatcher(provider, new EventDeliverer(provider, loggers.CreateLogger<EventDeliverer>()));
        provider.Agents = this;
    }

    public IReadOnlyCollection<int> OwnedPartitions => [.. _agents.Keys.Order()];

    public Task AcquireAsync(IReadOnlyCollection<int> partitions, CancellationToken cancellationToken)
    {
        foreach (var partition in partitions)
        {
            if (partition < 0 || partition >= _provider.Adapter.PartitionCount)
                throw new ArgumentOutOfRangeException(nameof(partitions), partition, $"Stream provider {_provider.Name} has partitions 0 to {_provider.Adapter.PartitionCount - 1}.");
            var agent = new PartitionAgent(_provider.Name, _provider.Adapter.CreateReceiver(partition), _dispatcher, _provider.Options,
                _provider.Time, _loggers.CreateLogger<PartitionAgent>());
            if (!_agents.TryAdd(partition, agent)) continue;
            agent.Start();
        }

        LogOwned(_provider.Name, string.Join(",", OwnedPartitions));
        return Task.CompletedTask;
    }

    public async Task ReleaseAsync(IReadOnlyCollection<int> partitions, CancellationToken cancellationToken)
    {
        var stopping = new List<Task>();
        foreach (var partition in partitions)
        {
            if (_agents.TryRemove(partition, out var agent)) stopping.Add(agent.StopAsync(cancellationToken));
        }

        await Task.WhenAll(stopping);
        LogOwned(_provider.Name, string.Join(",", OwnedPartitions));
    }

    public Task StopAllAsync(CancellationToken cancellationToken) => ReleaseAsync([.. _agents.Keys], cancellationToken);

    /// <summary>
    /// The silo's services are disposed without a stop (a killed test silo): agents still running stop without
    /// committing, so they neither deliver nor commit nor dead-letter anything into a queue other silos now read.
    /// </summary>
    public void Dispose()
    {
        foreach (var agent in _agents.Values) agent.Abort();
        _agents.Clear();
    }

    /// <summary>
    /// Hands a rewind to the partition's agent: this silo's when it reads the partition, else the owner's, asked
    /// through its <see cref="IStreamRewindTarget"/> and awaited, so the agent knows of the subscription before it is stored.
    /// </summary>
    public async Task RequestRewindAsync(RewindRequest request, CancellationToken cancellationToken)
    {
        if (TryRewindLocally(request)) return;
        if (_locator?.OwnerOf(_provider.Name, request.Partition) is { } owner)
        {
            try
            {
                var accepted = await RewindTarget(owner).Rewind(_provider.Name, request.Partition, request.SubscriptionId, request.Consumer.ToString(),
                    request.StreamId.Namespace, request.StreamId.Key, request.From).WaitAsync(cancellationToken);
                if (accepted) return;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The owner died or is leaving: fall through, as when nobody reads the partition.
                LogRewindRouteFailed(exception, _provider.Name, request.Partition, owner);
            }
        }

        // Nobody reads the partition right now (it is moving): the subscription starts where the next owner resumes.
        LogRewindNotOwned(_provider.Name, request.Partition, request.SubscriptionId);
    }

    /// <summary>Hands a rewind to this silo's agent of the partition; false when this silo does not read it.</summary>
    public bool TryRewindLocally(RewindRequest request)
    {
        if (!_agents.TryGetValue(request.Partition, out var agent)) return false;
        agent.RequestRewind(request);
        return true;
    }

    /// <summary>Withdraws a rewind whose subscription could not be stored, here or on the partition's owner.</summary>
    public void CancelRewind(int partition, Guid subscriptionId)
    {
        if (TryCancelRewindLocally(partition, subscriptionId)) return;
        if (_locator?.OwnerOf(_provider.Name, partition) is { } owner) _ = RewindTarget(owner).CancelRewind(_provider.Name, partition, subscriptionId);
    }

    /// <summary>Withdraws a rewind from this silo's agent of the partition; false when this silo does not read it.</summary>
    public bool TryCancelRewindLocally(int partition, Guid subscriptionId)
    {
        if (!_agents.TryGetValue(partition, out var agent)) return false;
        agent.CancelRewind(subscriptionId);
        return true;
    }

    private IStreamRewindTarget RewindTarget(SiloAddress silo) =>
        _provider.Grains.GetGrain<IStreamRewindTarget>(SystemTargetRegistry.Address(StreamRewindTarget.TargetType, silo));

    [LoggerMessage(EventId = 7050, Level = LogLevel.Debug, Message = "Stream provider {Provider} owns partitions [{Partitions}] on this silo")]
    private partial void LogOwned(string provider, string partitions);

    [LoggerMessage(EventId = 7052, Level = LogLevel.Warning, Message = "Stream provider {Provider}: asking {Owner}, the reader of partition {Partition}, to rewind failed")]
    private partial void LogRewindRouteFailed(Exception exception, string provider, int partition, SiloAddress owner);

    [LoggerMessage(EventId = 7051, Level = LogLevel.Warning, Message = "Stream provider {Provider}: no silo reads partition {Partition} right now, so subscription {SubscriptionId} starts at the partition's current position instead of rewinding")]
    private partial void LogRewindNotOwned(string provider, int partition, Guid subscriptionId);
}
