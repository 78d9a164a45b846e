using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streaming.Kafka.Caching;
using Orleans.Streaming.Kafka.DeadLetters;
using Orleans.Streaming.Kafka.Kafka;
using Orleans.Streaming.Kafka.Wire;

namespace Orleans.Streaming.Kafka.Queues;

/// <summary>
/// Builds one provider's parts. A queue's cache is created before its receiver; both share the queue's
/// <see cref="PartitionLink"/>, which the factory keeps per queue so the failure handler finds the live one.
/// </summary>
internal sealed class KafkaAdapterFactory : IQueueAdapterFactory, IQueueAdapterCache, IDisposable
{
    private readonly string _name;
    private readonly KafkaStreamOptions _options;
    private readonly IServiceProvider _services;
    private readonly KafkaClientFactory _clients;
    private readonly KafkaTopology _topology;
    private readonly KafkaEventCodec _codec;
    private readonly ConcurrentDictionary<QueueId, PartitionLink> _links = new();
    private readonly Lazy<KafkaEventProducer> _producer;
    private readonly Lazy<KafkaDeadLetterWriter> _deadLetters;

    public KafkaAdapterFactory(string name, KafkaStreamOptions options, IServiceProvider services)
    {
        _name = name;
        _options = options;
        _services = services;
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        _clients = new KafkaClientFactory(name, options, services.GetRequiredService<ILogger<KafkaClientFactory>>());
        _topology = new KafkaTopology(name, options);
        _codec = new KafkaEventCodec(services.GetRequiredService<EventTypeNames>());
        _producer = new(() => new KafkaEventProducer(_clients, time));
        _deadLetters = new(() => new KafkaDeadLetterWriter(options.DeadLetterTopicFor(name), _producer.Value, time));
    }

    public static KafkaAdapterFactory Create(IServiceProvider services, string name) =>
        new(name, services.GetRequiredService<IOptionsMonitor<KafkaStreamOptions>>().Get(name), services);

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task<IQueueAdapter> CreateAdapter() => CreateAdapter(CancellationToken.None);

    public async Task<IQueueAdapter> CreateAdapter(CancellationToken cancellationToken)
    {
        using (var worker = new BlockingWorker($"kafka {_name} metadata"))
        {
            var logger = _services.GetRequiredService<ILogger<KafkaAdapterFactory>>();
            await worker.RunAsync(() => TopicCheck.Run(_producer.Value.Handle, _options, _name, logger), cancellationToken);
        }

        return new KafkaQueueAdapter(_name, _topology, _producer.Value, _codec, CreateReceiver);
    }

    public IQueueAdapterCache GetQueueAdapterCache() => this;

    public IStreamQueueMapper GetStreamQueueMapper() => _topology;

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) => Task.FromResult<IStreamFailureHandler>(
        new KafkaDeliveryFailureHandler(
            () => _links.GetValueOrDefault(queueId), _deadLetters.Value, _services.GetRequiredService<DeliveryErrors>(),
            _services.GetRequiredService<ILogger<KafkaDeliveryFailureHandler>>()));

    public IQueueCache CreateQueueCache(QueueId queueId)
    {
        var link = new PartitionLink(_topology[queueId]);
        var rewinds = new KafkaRewinds(link, _clients, _codec, _services.GetRequiredService<ILogger<KafkaRewinds>>());
        link.Cache = new KafkaQueueCache(link, _options.CacheSize, rewinds);
        _links[queueId] = link;
        return link.Cache;
    }

    public void Dispose()
    {
        if (!_producer.IsValueCreated) return;
        // Flush blocks: it runs on a thread of its own, not on one the host still needs while stopping.
        using (var worker = new BlockingWorker($"kafka {_name} flush"))
        {
            worker.RunAsync(_producer.Value.Dispose, CancellationToken.None).Wait();
        }
    }

    private IQueueAdapterReceiver CreateReceiver(QueueId queueId) => new KafkaQueueReceiver(
        _links.GetOrAdd(queueId, id => new PartitionLink(_topology[id])), _clients, _codec, _deadLetters.Value,
        _services.GetRequiredService<ILogger<KafkaQueueReceiver>>());
}
