using System.Collections.Concurrent;
using Granary.Streaming.Producers;
using Granary.Streaming.Providers;
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

    public StreamAgentManager(StreamProvider provider, ILoggerFactory loggers, ILogger<StreamAgentManager> logger)
    {
        _provider = provider;
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

    /// <summary>Hands a rewind to the partition's agent when this silo owns the partition.</summary>
    public void RequestRewind(RewindRequest request)
    {
        if (_agents.TryGetValue(request.Partition, out var agent))
        {
            agent.RequestRewind(request);
            return;
        }

        // Another silo owns the partition: routing the request there needs the cluster's partition balancer.
        LogRewindNotOwned(_provider.Name, request.Partition, request.SubscriptionId);
    }

    /// <summary>Withdraws a rewind whose subscription could not be stored.</summary>
    public void CancelRewind(int partition, Guid subscriptionId)
    {
        if (_agents.TryGetValue(partition, out var agent)) agent.CancelRewind(subscriptionId);
    }

    [LoggerMessage(EventId = 7050, Level = LogLevel.Debug, Message = "Stream provider {Provider} owns partitions [{Partitions}] on this silo")]
    private partial void LogOwned(string provider, string partitions);

    [LoggerMessage(EventId = 7051, Level = LogLevel.Warning, Message = "Stream provider {Provider}: partition {Partition} is not read on this silo, so subscription {SubscriptionId} starts at the partition's current position instead of rewinding")]
    private partial void LogRewindNotOwned(string provider, int partition, Guid subscriptionId);
}
