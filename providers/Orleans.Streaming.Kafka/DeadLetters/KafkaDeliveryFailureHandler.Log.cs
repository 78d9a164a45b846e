using Microsoft.Extensions.Logging;

namespace Orleans.Streaming.Kafka.DeadLetters;

internal sealed partial class KafkaDeliveryFailureHandler
{
    [LoggerMessage(EventId = 7340, Level = LogLevel.Warning, Message = "Event {Offset} of {StreamId} went to the dead-letter topic after subscription {Subscription} kept failing: {Error}")]
    private partial void LogDeadLettered(StreamId streamId, long offset, Guid subscription, string error);

    [LoggerMessage(EventId = 7341, Level = LogLevel.Error, Message = "Delivery of {Token} of {StreamId} to subscription {Subscription} failed, and the event is no longer held here to dead-letter")]
    private partial void LogLost(StreamId streamId, StreamSequenceToken? token, Guid subscription);

    [LoggerMessage(EventId = 7342, Level = LogLevel.Warning, Message = "Subscription {Subscription} of {StreamId} failed at {Token}")]
    private partial void LogSubscriptionFailure(StreamId streamId, Guid subscription, StreamSequenceToken? token);
}
