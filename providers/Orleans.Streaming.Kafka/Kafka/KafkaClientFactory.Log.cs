using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Orleans.Streaming.Kafka.Kafka;

internal sealed partial class KafkaClientFactory
{
    [LoggerMessage(EventId = 7300, Message = "librdkafka {Client} {Facility}: {Message}")]
    private partial void LogLibrdkafka(LogLevel level, string client, string facility, string message);

    [LoggerMessage(EventId = 7301, Level = LogLevel.Warning, Message = "Kafka client {Client}: {Code} {Reason}; it reconnects and retries")]
    private partial void LogTransient(string client, Confluent.Kafka.ErrorCode code, string reason);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Error, Message = "Kafka client {Client} failed for good: {Code} {Reason}")]
    private partial void LogFatal(string client, Confluent.Kafka.ErrorCode code, string reason);
}
