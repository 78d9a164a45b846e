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

    /// <summary>A dead letter as written by <see cref="ToKafka"/>; null for anything else found on the topic.</summary>
    private static DeadLetter? FromKafka(ConsumeResult<byte[], byte[]> result, KafkaTopology topology)
    {
        string Header(string name) => result.Message.Headers?.TryGetLastBytes(name, out var bytes) == true ? Encoding.UTF8.GetString(bytes) : "";
        var invariant = CultureInfo.InvariantCulture;
        if (!int.TryParse(Header(SourcePartition), invariant, out var partition) || !long.TryParse(Header(SourceOffset), invariant, out var offset)
            || !int.TryParse(Header(Attempts), invariant, out var attempts) || !Guid.TryParse(Header(Subscription), out var subscription)
            || !DateTimeOffset.TryParse(Header(FailedAt), invariant, DateTimeStyles.RoundtripKind, out var failedAt)
            || topology.Find(Header(SourceTopic), partition) is not { } slot)
        {
            return null;
        }

        var original = new ConsumeResult<byte[], byte[]> { Topic = slot.Topic, Partition = slot.KafkaPartition, Offset = offset, Message = result.Message };
        var record = slot.External is null ? KafkaEventCodec.FromKafka(slot, original) : ExternalEventMapper.FromKafka(slot, original);
        // The event's own headers, without the ones saying why it is a dead letter.
        var headers = record.Message.Headers.Where(h => !h.Key.StartsWith("granary-dead-letter-", StringComparison.Ordinal)
            && !h.Key.StartsWith("granary-source-", StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal);
        return new DeadLetter(record with { Message = record.Message with { Headers = headers } }, GrainId.Parse(Header(Consumer)), subscription, attempts, Header(Error), failedAt);
    }
}
