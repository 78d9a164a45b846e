using Confluent.Kafka;
using Granary.Streaming.Kafka.Configuration;
using Granary.Streaming.Kafka.Consuming;
using Granary.Streaming.Kafka.Producing;
using Granary.Streaming.Kafka.Wire;
using Granary.Streaming.Providers;
using Granary.Streams;
using Microsoft.Extensions.Logging;

namespace Granary.Streaming.Kafka;

/// <summary>
/// The Kafka queue: a topic per stream namespace (plus external topics), one runtime partition per topic
/// partition, an idempotent producer shared by the provider, a consumer per owned partition, dead letters on a topic.
/// </summary>
internal sealed class KafkaQueueAdapter : IQueueAdapter, IDisposable
{
    private readonly KafkaStreamOptions _options;
    private readonly KafkaClientFactory _clients;
    private readonly KafkaEventProducer _producer;
    private readonly Lazy<KafkaPositions> _positions;

    public KafkaQueueAdapter(string name, KafkaStreamOptions options, ILogger<KafkaQueueAdapter> logger)
    {
        Name = name;
        _options = options;
        Topology = new KafkaTopology(name, options);
        _clients = new KafkaClientFactory(name, options, logger);
        _producer = new KafkaEventProducer(name, options, _clients);
        _positions = new(() => new KafkaPositions(_clients, options), LazyThreadSafetyMode.ExecutionAndPublication);
        DeadLetterTopic = options.DeadLetterTopicFor(name);
    }

    public string Name { get; }

    public KafkaTopology Topology { get; }

    public string DeadLetterTopic { get; }

    public int PartitionCount => Topology.Slots.Count;

    public bool IsRewindable => true;

    public int GetPartition(StreamId streamId) => Topology.SlotOf(streamId).Index;

    public Task EnqueueAsync(int partition, IReadOnlyList<QueueMessage> messages, CancellationToken cancellationToken)
    {
        var slot = Topology.Slots[partition];
        return _producer.ProduceAsync(new TopicPartition(slot.Topic, slot.KafkaPartition), [.. messages.Select(KafkaEventCodec.ToKafka)], cancellationToken);
    }

    public Task<long> ResolvePositionAsync(int partition, StreamPosition position, CancellationToken cancellationToken)
    {
        var slot = Topology.Slots[partition];
        return _positions.Value.ResolveAsync(new TopicPartition(slot.Topic, slot.KafkaPartition), position, cancellationToken);
    }

    public IQueueReceiver CreateReceiver(int partition) => new KafkaQueueReceiver(Topology.Slots[partition], _options, _clients);

    public Task WriteDeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        var slot = Topology.Slots[deadLetter.Record.Partition];
        return _producer.ProduceAsync(new TopicPartition(DeadLetterTopic, Partition.Any), [KafkaDeadLetters.ToKafka(deadLetter, slot)], cancellationToken);
    }

    /// <summary>Every dead letter written so far, read from the start of the dead-letter topic to its end.</summary>
    public Task<IReadOnlyList<DeadLetter>> ReadDeadLettersAsync(CancellationToken cancellationToken) =>
        Task.Factory.StartNew(
            () => KafkaDeadLetters.ReadAll(_clients, _producer.Handle, DeadLetterTopic, Topology, _options.RequestTimeout, cancellationToken),
            cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public void Dispose()
    {
        // Events still buffered were never acknowledged to a publisher, so nothing promised is lost by not waiting long.
        _producer.Flush(TimeSpan.FromSeconds(5));
        _producer.Dispose();
        if (_positions.IsValueCreated) _positions.Value.Dispose();
    }
}
