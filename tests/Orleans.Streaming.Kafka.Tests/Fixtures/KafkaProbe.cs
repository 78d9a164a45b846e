using System.Text;
using Confluent.Kafka;

namespace Orleans.Streaming.Kafka.Tests.Fixtures;

/// <summary>Plain Confluent.Kafka access to the mock cluster, for what tests observe or write outside Orleans.</summary>
public static class KafkaProbe
{
    /// <summary>Reads a topic from the start until a record matches or the deadline passes (polling across processes).</summary>
    public static ConsumeResult<byte[], byte[]> WaitForRecord(
        string bootstrap, string topic, int partitions, Func<ConsumeResult<byte[], byte[]>, bool> match, TimeSpan? timeout = null)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap, GroupId = "probe-" + Guid.NewGuid().ToString("N"), EnableAutoCommit = false, AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is not null && match(result)) return result;
        }

        throw new TimeoutException($"No matching record on {topic}.");
    }

    /// <summary>The committed offset of the provider's consumer group for a partition; -1 when none.</summary>
    public static long Committed(string bootstrap, string group, TopicPartition partition)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = bootstrap, GroupId = group }).Build();
        var offset = consumer.Committed([partition], TimeSpan.FromSeconds(10)).Single().Offset;
        return offset.IsSpecial ? -1 : offset.Value;
    }

    public static string? Header(this ConsumeResult<byte[], byte[]> result, string name) =>
        result.Message.Headers?.TryGetLastBytes(name, out var bytes) == true ? Encoding.UTF8.GetString(bytes) : null;

    public static async Task ProduceRawAsync(string bootstrap, TopicPartition partition, string key, byte[] value, params (string Name, string Value)[] headers)
    {
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = bootstrap }).Build();
        var message = new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes(key), Value = value, Headers = new Headers() };
        foreach (var (name, text) in headers) message.Headers.Add(name, Encoding.UTF8.GetBytes(text));
        await producer.ProduceAsync(partition, message);
    }
}
