using Microsoft.Extensions.Logging;

namespace Orleans.Streaming.Kafka.Queues;

internal sealed partial class KafkaQueueReceiver
{
    [LoggerMessage(EventId = 7310, Level = LogLevel.Information, Message = "Reading {Partition} from offset {Offset}")]
    private partial void LogStarted(string partition, long offset);

    [LoggerMessage(EventId = 7311, Level = LogLevel.Warning, Message = "Record {Offset} of {Partition} cannot be decoded and went to the dead-letter topic: {Error}")]
    private partial void LogUndecodable(string partition, long offset, string error);

    [LoggerMessage(EventId = 7312, Level = LogLevel.Warning, Message = "Committing offset {Offset} of {Partition} failed; the next reader may repeat events from the previous commit")]
    private partial void LogCommitFailed(string partition, long offset, Exception exception);
}
