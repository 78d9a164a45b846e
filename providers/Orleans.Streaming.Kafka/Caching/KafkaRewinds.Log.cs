using Microsoft.Extensions.Logging;

namespace Orleans.Streaming.Kafka.Caching;

internal sealed partial class KafkaRewinds
{
    [LoggerMessage(EventId = 7320, Level = LogLevel.Information, Message = "Rewinding {Partition} for {StreamId} from {Start} up to offset {Boundary}, where the cache begins")]
    private partial void LogRewind(string partition, StreamId streamId, KafkaSequenceToken start, long boundary);

    [LoggerMessage(EventId = 7321, Level = LogLevel.Error, Message = "Rewinding {Partition} for {StreamId} failed; the subscription goes on from the cache")]
    private partial void LogRewindFailed(string partition, StreamId streamId, Exception exception);
}
