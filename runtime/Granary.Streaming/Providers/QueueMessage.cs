using Granary.Streams;

namespace Granary.Streaming.Providers;

/// <summary>What a stream event is on a queue: the same fields every adapter stores (Kafka: key, value and headers).</summary>
/// <param name="StreamId">The stream; its key decides the partition, so one stream's events keep their order.</param>
/// <param name="Kind">An item, or the producer's completion or error.</param>
/// <param name="EventId">A unique id given by the producer, for tracing and for consumers outside Granary.</param>
/// <param name="EventType">The wire name of the item's type (see <see cref="StreamHeaders.EventType"/>).</param>
/// <param name="ContentType">How <paramref name="Payload"/> is encoded (see <see cref="IStreamPayloadCodec"/>).</param>
/// <param name="Payload">The encoded item, exception or nothing.</param>
/// <param name="Headers">W3C trace context (<c>traceparent</c>, <c>tracestate</c>) and any other headers.</param>
/// <param name="Timestamp">When the producer published it; positions by time are resolved against it.</param>
public sealed record QueueMessage(
    StreamId StreamId,
    StreamEventKind Kind,
    string EventId,
    string EventType,
    string ContentType,
    ReadOnlyMemory<byte> Payload,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset Timestamp);

/// <summary>A message read back from a partition, with its position there.</summary>
/// <param name="Partition">The partition read.</param>
/// <param name="Position">The message's position (offset) in the partition; positions only grow.</param>
/// <param name="Message">The message.</param>
public sealed record QueueRecord(int Partition, long Position, QueueMessage Message);

/// <summary>What a stream event carries.</summary>
public enum StreamEventKind
{
    /// <summary>An item, delivered to <c>OnNextAsync</c>.</summary>
    Item,

    /// <summary>The producer completed the stream, delivered to <c>OnCompletedAsync</c>.</summary>
    Completed,

    /// <summary>The producer reported an error, delivered to <c>OnErrorAsync</c>.</summary>
    Error,
}

/// <summary>Header names shared by every adapter, so consumers outside Granary can read Granary's events.</summary>
public static class StreamHeaders
{
    /// <summary>W3C trace parent of the publishing operation.</summary>
    public const string TraceParent = "traceparent";

    /// <summary>W3C trace state of the publishing operation.</summary>
    public const string TraceState = "tracestate";

    /// <summary>The event id.</summary>
    public const string EventId = "granary-event-id";

    /// <summary>The wire name of the item type.</summary>
    public const string EventType = "granary-event-type";

    /// <summary>The payload encoding.</summary>
    public const string ContentType = "content-type";

    /// <summary>item, completed or error.</summary>
    public const string Kind = "granary-event-kind";
}
