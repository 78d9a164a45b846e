using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Granary.Runtime;
using Granary.Streaming.Providers;

namespace Granary.Streaming.Kafka.Wire;

/// <summary>
/// Dead letters on the dead-letter topic: the failed event as it was (key, value, timestamp, headers) plus headers
/// saying why and where from, so they can be inspected and replayed with any Kafka tool.
/// </summary>
internal static class KafkaDeadLetters
{
    public const string Error = "granary-dead-letter-error";
    public const string Attempts = "granary-dead-letter-attempts";
    public const string Consumer = "granary-dead-letter-consumer";
    public const string Subscription = "granary-dead-letter-subscription";
    public const string FailedAt = "granary-dead-letter-failed-at";
    public const string SourceTopic = "granary-source-topic";
    public const string SourcePartition = "granary-source-partition";
    public const string SourceOffset = "granary-source-offset";

    public static Message<byte[], byte[]> ToKafka(DeadLetter deadLetter, KafkaSlot slot)
    {
        var message = KafkaEventCodec.ToKafka(deadLetter.Record.Message);
        message.Headers.Add(Error, KafkaEventCodec.Utf8(deadLetter.Error));
        message.Headers.Add(Attempts, KafkaEventCodec.Utf8(deadLetter.Attempts.ToString(CultureInfo.InvariantCulture)));
        message.Headers.Add(Consumer, KafkaEventCodec.Utf8(deadLetter.Consumer.ToString()));
        message.Headers.Add(Subscription, KafkaEventCodec.Utf8(deadLetter.SubscriptionId.ToString("D")));
        message.Headers.Add(FailedAt, KafkaEventCodec.Utf8(deadLetter.FailedAt.ToString("O", CultureInfo.InvariantCulture)));
        message.Headers.Add(SourceTopic, KafkaEventCodec.Utf8(slot.Topic));
        message.Headers.Add(SourcePartition, KafkaEventCodec.Utf8(slot.KafkaPartition.ToString(CultureInfo.InvariantCulture)));
        message.Headers.Add(SourceOffset, KafkaEventCodec.Utf8(deadLetter.Record.Position.ToString(CultureInfo.InvariantCulture)));
        return message;
    }

    public static IReadOnlyList<DeadLetter> ReadAll(
        KafkaClientFactory clients, Handle handle, string topic, KafkaTopology topology, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var admin = new DependentAdminClientBuilder(handle).Build();
        var partitions = admin.GetMetadata(topic, timeout).Topics.SingleOrDefault(t => t.Topic == topic && !t.Error.IsError)?.Partitions ?? [];
        using var consumer = clients.CreateConsumer();
        var letters = new List<DeadLetter>();
        foreach (var partition in partitions)
        {
            var topicPartition = new TopicPartition(topic, partition.PartitionId);
            var end = consumer.QueryWatermarkOffsets(topicPartition, timeout).High.Value;
            consumer.Assign(new TopicPartitionOffset(topicPartition, Offset.Beginning));
            var next = 0L;
            while (next < end)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = consumer.Consume(timeout) ?? throw new TimeoutException($"Reading dead letters from {topicPartition} took longer than {timeout}.");
                next = result.Offset.Value + 1;
                if (FromKafka(result, topology) is { } letter) letters.Add(letter);
            }
        }

        consumer.Close();
        return [.. letters.OrderBy(l => l.FailedAt)];
    }

    private static DeadLetter? FromKafka(ConsumeResult<byte[], byte[]> result, KafkaTopology topology)
    {
        string Header(string name) => result.Message.Headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : "";
        var slot = topology.Find(Header(SourceTopic), int.Parse(Header(SourcePartition), CultureInfo.InvariantCulture));
        if (slot is null) return null;
        var original = new ConsumeResult<byte[], byte[]>
        {
            Topic = slot.Topic,
            Partition = slot.KafkaPartition,
            Offset = long.Parse(Header(SourceOffset), CultureInfo.InvariantCulture),
            Message = result.Message,
        };
        var record = slot.External is null ? KafkaEventCodec.FromKafka(slot, original) : ExternalEventMapper.FromKafka(slot, original);
        return new DeadLetter(
            record,
            GrainId.Parse(Header(Consumer)),
            Guid.Parse(Header(Subscription)),
            int.Parse(Header(Attempts), CultureInfo.InvariantCulture),
            Header(Error),
            DateTimeOffset.Parse(Header(FailedAt), CultureInfo.InvariantCulture));
    }
}
