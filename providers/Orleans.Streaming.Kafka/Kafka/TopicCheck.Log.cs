using Microsoft.Extensions.Logging;

namespace Orleans.Streaming.Kafka.Kafka;

internal static partial class TopicCheck
{
    [LoggerMessage(EventId = 7350, Level = LogLevel.Warning, Message = "Kafka stream provider {Provider} could not read topic metadata to check partition counts")]
    private static partial void LogUnchecked(ILogger logger, string provider, Exception exception);

    [LoggerMessage(EventId = 7351, Level = LogLevel.Warning, Message = "Topic {Topic} of stream namespace {Namespace} does not exist yet; create it with {Partitions} partitions")]
    private static partial void LogMissing(ILogger logger, string topic, string @namespace, int partitions);
}
