using Confluent.Kafka;
using Granary.Streaming.Kafka.Configuration;
using Granary.Streams;

namespace Granary.Streaming.Kafka.Consuming;

/// <summary>
/// Turns stream positions into offsets: earliest and latest from the watermarks, a token's offset clamped into
/// them, a time through the broker's time index (ListOffsets), checked against the messages themselves because
/// some brokers (librdkafka's mock cluster among them) answer every time lookup with the end of the partition.
/// </summary>
internal sealed class KafkaPositions(KafkaClientFactory clients, KafkaStreamOptions options) : IDisposable
{
    private readonly IConsumer<byte[], byte[]> _metadata = clients.CreateConsumer();
    private readonly BlockingWorker _worker = new("kafka positions");

    public Task<long> ResolveAsync(TopicPartition topicPartition, StreamPosition position, CancellationToken cancellationToken) =>
        _worker.RunAsync(() => Resolve(topicPartition, position), cancellationToken);

    public void Dispose()
    {
        _worker.Dispose();
        _metadata.Dispose();
    }

    private long Resolve(TopicPartition topicPartition, StreamPosition position)
    {
        var watermarks = _metadata.QueryWatermarkOffsets(topicPartition, options.RequestTimeout);
        var (low, high) = (watermarks.Low.Value, watermarks.High.Value);
        return position.Kind switch
        {
            StreamPositionKind.Earliest => low,
            StreamPositionKind.Token => Math.Clamp(position.Token!.SequenceNumber, low, high),
            StreamPositionKind.Time => ByTime(topicPartition, position.Time!.Value, low, high),
            _ => high,
        };
    }

    private long ByTime(TopicPartition topicPartition, DateTimeOffset time, long low, long high)
    {
        if (low >= high) return high;
        var found = _metadata.OffsetsForTimes([new TopicPartitionTimestamp(topicPartition, new Timestamp(time))], options.RequestTimeout).Single().Offset;
        var answer = found.IsSpecial ? high : Math.Clamp(found.Value, low, high);
        // Trust the index when the message before its answer is older than the time asked for.
        using var probe = new MessageProbe(clients, topicPartition, options.RequestTimeout);
        if (answer == low || probe.TimestampAt(answer - 1) < time) return answer;
        return SearchByTime(probe, time, low, answer - 1);
    }

    /// <summary>The first offset in [low, high] whose message is at or after <paramref name="time"/> (producer timestamps only grow per partition).</summary>
    private static long SearchByTime(MessageProbe probe, DateTimeOffset time, long low, long high)
    {
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (probe.TimestampAt(middle) >= time) high = middle;
            else low = middle + 1;
        }

        return low;
    }

    /// <summary>Reads single messages by offset with a short-lived consumer of its own.</summary>
    private sealed class MessageProbe(KafkaClientFactory clients, TopicPartition topicPartition, TimeSpan timeout) : IDisposable
    {
        private IConsumer<byte[], byte[]>? _consumer;

        public DateTimeOffset TimestampAt(long offset)
        {
            _consumer ??= clients.CreateConsumer();
            _consumer.Assign(new TopicPartitionOffset(topicPartition, offset));
            var result = _consumer.Consume(timeout)
                ?? throw new TimeoutException($"Reading {topicPartition} at offset {offset} to find a position by time took longer than {timeout}.");
            return result.Message.Timestamp.UtcDateTime;
        }

        public void Dispose()
        {
            _consumer?.Close();
            _consumer?.Dispose();
        }
    }
}
