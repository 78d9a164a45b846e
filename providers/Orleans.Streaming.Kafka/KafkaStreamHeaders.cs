namespace Orleans.Streaming.Kafka;

/// <summary>
/// Names of the Kafka record headers of the provider's open wire format (values are UTF-8 text). A record's key is
/// the stream key, its value the event as JSON; any Kafka client can read these records or write ones grains receive.
/// </summary>
public static class KafkaStreamHeaders
{
    /// <summary>
    /// The event's type as Orleans names it: its <c>[Alias]</c> (<c>shop.events.OrderPlaced</c>), else <c>Namespace.Type,Assembly</c>.
    /// <c>Namespace.Type, Assembly</c>, written before aliases, is still read. Optional on records written elsewhere
    /// (the subscriber's item type is used).
    /// </summary>
    public const string EventType = "event-type";

    /// <summary>A unique id of the event (32 hex digits); optional on records written elsewhere.</summary>
    public const string EventId = "event-id";

    /// <summary>Always <c>application/json</c> for records the provider writes.</summary>
    public const string ContentType = "content-type";

    /// <summary>W3C trace context of the publisher.</summary>
    public const string TraceParent = "traceparent";

    /// <summary>W3C trace state of the publisher, when it has one.</summary>
    public const string TraceState = "tracestate";

    /// <summary>Dead letters: why the event could not be delivered or decoded.</summary>
    public const string DeadLetterError = "dead-letter-error";

    /// <summary>Dead letters: the stream namespace of the event.</summary>
    public const string DeadLetterStreamNamespace = "dead-letter-stream-namespace";

    /// <summary>Dead letters: the stream key of the event (also the record key).</summary>
    public const string DeadLetterStreamKey = "dead-letter-stream-key";

    /// <summary>Dead letters: the subscription id that failed; absent for records that could not be decoded.</summary>
    public const string DeadLetterSubscription = "dead-letter-subscription";

    /// <summary>Dead letters: the topic the event was read from.</summary>
    public const string DeadLetterSourceTopic = "dead-letter-source-topic";

    /// <summary>Dead letters: the partition the event was read from.</summary>
    public const string DeadLetterSourcePartition = "dead-letter-source-partition";

    /// <summary>Dead letters: the offset of the event in its source partition.</summary>
    public const string DeadLetterSourceOffset = "dead-letter-source-offset";

    /// <summary>Dead letters: when the event was given up on (ISO 8601, UTC).</summary>
    public const string DeadLetterFailedAt = "dead-letter-failed-at";
}
