using Microsoft.Extensions.Logging;
using Orleans.Streaming.Kafka.Kafka;
using Orleans.Streaming.Kafka.Wire;

namespace Orleans.Streaming.Kafka.Caching;

/// <summary>Starts rewinding cursors for one queue: each reads Kafka back on a thread of its own.</summary>
internal sealed partial class KafkaRewinds(PartitionLink link, KafkaClientFactory clients, KafkaEventCodec codec, ILogger<KafkaRewinds> logger)
{
    public IQueueCacheCursor Start(KafkaCacheCursor live, StreamSequenceToken token, long boundary, bool afterToken)
    {
        var start = token as KafkaSequenceToken ?? new KafkaSequenceToken(token.SequenceNumber);
        if (afterToken) start = new KafkaSequenceToken(start.SequenceNumber + 1);
        LogRewind(link.Queue.TopicPartition.ToString(), live.StreamId, start, boundary);
        return new KafkaRewindCursor(link, clients, codec, live, start, boundary, this) { SwallowFirstMove = afterToken };
    }

    internal void Failed(StreamId streamId, Exception exception) => LogRewindFailed(link.Queue.TopicPartition.ToString(), streamId, exception);
}
