using Confluent.Kafka;

namespace Orleans.Streaming.Kafka.Kafka;

/// <summary>
/// Turns a requested start into an offset: earliest and offsets clamped into the watermarks, a time through the
/// broker's time index (ListOffsets), checked against the records themselves because some brokers (librdkafka's
/// mock cluster among them) answer every time lookup with the end of the partition. Blocking: call on a dedicated thread.
/// </summary>
internal static class KafkaPositions
{
    public static long Resolve(KafkaClientFactory clients, TopicPartition topicPartition, KafkaSequenceToken? token, long requestedOffset)
    {
        var timeout = clients.Options.RequestTimeout;
        var consumer = clients.CreateConsumer();
        try
        {
            var watermarks = consumer.QueryWatermarkOffsets(topicPartition, timeout);
            var (low, high) = (watermarks.Low.Value, watermarks.High.Value);
            return token?.StartTime is { } time ? ByTime(consumer, topicPartition, time, low, high, timeout) : Math.Clamp(requestedOffset, low, high);
        }
        finally
        {
            KafkaClientFactory.Release(consumer);
        }
    }

    private static long ByTime(IConsumer<byte[], byte[]> consumer, TopicPartition topicPartition, DateTimeOffset time, long low, long high, TimeSpan timeout)
    {
        if (low >= high) return high;
        var found = consumer.OffsetsForTimes([new TopicPartitionTimestamp(topicPartition, new Timestamp(time))], timeout).Single().Offset;
        var answer = found.IsSpecial ? high : Math.Clamp(found.Value, low, high);
        // Trust the index only when the record before its answer is older than the time asked for.
        if (answer == low || TimestampAt(consumer, topicPartition, answer - 1, timeout) < time) return answer;
        var (from, to) = (low, answer - 1);
        // Producer timestamps only grow within a partition, so the first record at or after the time is found by halving.
        while (from < to)
        {
            var middle = from + ((to - from) / 2);
            if (TimestampAt(consumer, topicPartition, middle, timeout) >= time) to = middle;
            else from = middle + 1;
        }

        return from;
    }

    private static DateTimeOffset TimestampAt(IConsumer<byte[], byte[]> consumer, TopicPartition topicPartition, long offset, TimeSpan timeout)
    {
        consumer.Assign(new TopicPartitionOffset(topicPartition, offset));
        var result = consumer.Consume(timeout)
            ?? throw new TimeoutException($"Reading {topicPartition} at offset {offset} to find a position by time took longer than {timeout}.");
        return result.Message.Timestamp.UtcDateTime;
    }
}
