using System.Text;
using Confluent.Kafka;
using Orleans.Streaming.Kafka.Kafka;

namespace Orleans.Streaming.Kafka.Queues;

/// <summary>One Orleans queue: one partition of the topic of one stream namespace.</summary>
internal sealed record KafkaQueue(QueueId QueueId, string Namespace, TopicPartition TopicPartition);

/// <summary>
/// Maps streams to queues the way Kafka maps keys to partitions: the namespace picks the topic, murmur2 of the key
/// picks the partition. Queues sit evenly on Orleans' consistent ring, so the default ring balancer and the
/// lease-based ones both spread them over silos.
/// </summary>
internal sealed class KafkaTopology : IConsistentRingStreamQueueMapper
{
    private readonly Dictionary<string, KafkaQueue[]> _byNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<QueueId, KafkaQueue> _byQueue = [];
    private readonly string _providerName;

    public KafkaTopology(string providerName, KafkaStreamOptions options)
    {
        _providerName = providerName;
        var total = options.Namespaces.Count * options.Partitions;
        var portion = (uint)(((long)uint.MaxValue + 1) / total);
        var index = 0u;
        foreach (var streamNamespace in options.Namespaces)
        {
            var topic = options.TopicOf(streamNamespace);
            var queues = new KafkaQueue[options.Partitions];
            for (var partition = 0; partition < options.Partitions; partition++, index++)
            {
                var queueId = QueueId.GetQueueId(topic, (uint)partition, index * portion);
                queues[partition] = new KafkaQueue(queueId, streamNamespace, new TopicPartition(topic, partition));
                _byQueue[queueId] = queues[partition];
            }

            _byNamespace[streamNamespace] = queues;
        }
    }

    public IReadOnlyCollection<KafkaQueue> Queues => _byQueue.Values;

    public KafkaQueue this[QueueId queueId] => _byQueue[queueId];

    public KafkaQueue QueueOf(StreamId streamId)
    {
        var streamNamespace = streamId.GetNamespace() ?? "";
        if (!_byNamespace.TryGetValue(streamNamespace, out var queues))
        {
            throw new KafkaStreamException(
                $"Stream namespace '{streamNamespace}' has no topic in Kafka stream provider '{_providerName}'; add it to {KafkaStreamOptions.SectionName(_providerName)}:Namespaces.");
        }

        return queues[KafkaPartitioner.Partition(streamId.Key.Span, queues.Length)];
    }

    public IEnumerable<QueueId> GetAllQueues() => _byQueue.Keys;

    public QueueId GetQueueForStream(StreamId streamId) => QueueOf(streamId).QueueId;

    public IEnumerable<QueueId> GetQueuesForRange(IRingRange range) => _byQueue.Keys.Where(q => range.InRange(q.GetUniformHashCode()));

    public override string ToString() =>
        string.Join(", ", _byNamespace.Select(n => $"{n.Key}->{n.Value[0].TopicPartition.Topic}[{n.Value.Length}]"));
}
