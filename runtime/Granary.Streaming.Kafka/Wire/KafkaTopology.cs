using System.Text;
using Granary.Streaming.Kafka.Configuration;
using Granary.Streams;

namespace Granary.Streaming.Kafka.Wire;

/// <summary>One runtime partition: a partition of one topic, read by one receiver. External topics carry <see cref="External"/>.</summary>
internal sealed record KafkaSlot(int Index, string Topic, int KafkaPartition, string Namespace, KafkaExternalTopicOptions? External);

/// <summary>
/// Numbers every partition of every topic the provider reads (namespaces first, then external topics), because the
/// runtime's positions are per partition and a Kafka offset only means something within one topic partition.
/// </summary>
internal sealed class KafkaTopology
{
    private readonly Dictionary<string, (int First, int Count)> _byNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Topic, int Partition), KafkaSlot> _byTopicPartition = [];
    private readonly string _providerName;

    public KafkaTopology(string providerName, KafkaStreamOptions options)
    {
        _providerName = providerName;
        List<KafkaSlot> slots = [];
        foreach (var streamNamespace in options.Namespaces) Add(slots, streamNamespace, options.TopicOf(streamNamespace), options.Partitions, null);
        foreach (var external in options.ExternalTopics) Add(slots, external.Namespace, external.Topic, external.Partitions ?? options.Partitions, external);
        Slots = slots;
    }

    public IReadOnlyList<KafkaSlot> Slots { get; }

    public KafkaSlot? Find(string topic, int partition) => _byTopicPartition.GetValueOrDefault((topic, partition));

    /// <summary>
    /// The slot of a stream: its namespace's topic, and within it the partition Kafka's Java client and librdkafka's
    /// murmur2 partitioner pick for the key, so producers outside Granary that key by the stream key agree.
    /// </summary>
    public KafkaSlot SlotOf(StreamId streamId)
    {
        if (!_byNamespace.TryGetValue(streamId.Namespace, out var range))
            throw new InvalidOperationException(
                $"Stream namespace '{streamId.Namespace}' has no topic in Kafka stream provider '{_providerName}'; add it to Granary:Streams:{_providerName}:Namespaces.");
        return Slots[range.First + KafkaPartitioner.Partition(Encoding.UTF8.GetBytes(streamId.Key), range.Count)];
    }

    private void Add(List<KafkaSlot> slots, string streamNamespace, string topic, int partitions, KafkaExternalTopicOptions? external)
    {
        _byNamespace[streamNamespace] = (slots.Count, partitions);
        for (var p = 0; p < partitions; p++)
        {
            var slot = new KafkaSlot(slots.Count, topic, p, streamNamespace, external);
            slots.Add(slot);
            _byTopicPartition[(topic, p)] = slot;
        }
    }
}

/// <summary>Kafka's default partitioner for keyed messages (murmur2 of the key, made positive, modulo the partition count).</summary>
internal static class KafkaPartitioner
{
    public static int Partition(ReadOnlySpan<byte> key, int partitionCount) => (int)((Murmur2(key) & 0x7fffffff) % (uint)partitionCount);

    public static uint Murmur2(ReadOnlySpan<byte> data)
    {
        const uint m = 0x5bd1e995;
        var h = 0x9747b28cu ^ (uint)data.Length;
        var blocks = data.Length / 4;
        for (var i = 0; i < blocks; i++)
        {
            var k = (uint)(data[i * 4] | data[(i * 4) + 1] << 8 | data[(i * 4) + 2] << 16 | data[(i * 4) + 3] << 24);
            k *= m;
            k ^= k >> 24;
            k *= m;
            h *= m;
            h ^= k;
        }

        var tail = data[(blocks * 4)..];
        if (tail.Length == 3) h ^= (uint)tail[2] << 16;
        if (tail.Length >= 2) h ^= (uint)tail[1] << 8;
        if (tail.Length >= 1)
        {
            h ^= tail[0];
            h *= m;
        }

        h ^= h >> 13;
        h *= m;
        h ^= h >> 15;
        return h;
    }
}
