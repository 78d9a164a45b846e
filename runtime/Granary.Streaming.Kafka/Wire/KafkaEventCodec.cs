using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Granary.Streaming.Providers;
using Granary.Streams;

namespace Granary.Streaming.Kafka.Wire;

/// <summary>
/// A stream event as a Kafka message, the open format the README documents: key = the stream key (UTF-8),
/// value = the payload, timestamp = when it was published, headers = event id, type, kind, content type,
/// namespace and the W3C trace context, all UTF-8 strings.
/// </summary>
internal static class KafkaEventCodec
{
    public const string NamespaceHeader = "granary-stream-namespace";
    private const string GranaryContentType = "application/x-granary";

    public static Message<byte[], byte[]> ToKafka(QueueMessage message)
    {
        var headers = new Headers
        {
            { StreamHeaders.EventId, Utf8(message.EventId) },
            { StreamHeaders.EventType, Utf8(message.EventType) },
            { StreamHeaders.Kind, Utf8(KindName(message.Kind)) },
            { StreamHeaders.ContentType, Utf8(message.ContentType) },
            { NamespaceHeader, Utf8(message.StreamId.Namespace) },
        };
        foreach (var (name, value) in message.Headers) headers.Add(name, Utf8(value));
        return new Message<byte[], byte[]>
        {
            Key = Utf8(message.StreamId.Key),
            Value = message.Payload.ToArray(),
            Timestamp = new Timestamp(message.Timestamp),
            Headers = headers,
        };
    }

    /// <summary>
    /// Reads a message of a Granary topic. Messages written by others without Granary's headers get the id
    /// <c>topic/partition/offset</c> (stable across redeliveries) and are taken as Granary-encoded items.
    /// </summary>
    public static QueueRecord FromKafka(KafkaSlot slot, ConsumeResult<byte[], byte[]> result)
    {
        var message = result.Message;
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        string? eventId = null, eventType = null, kind = null, contentType = null;
        foreach (var header in message.Headers ?? [])
        {
            var value = Encoding.UTF8.GetString(header.GetValueBytes() ?? []);
            switch (header.Key)
            {
                case StreamHeaders.EventId: eventId = value; break;
                case StreamHeaders.EventType: eventType = value; break;
                case StreamHeaders.Kind: kind = value; break;
                case StreamHeaders.ContentType: contentType = value; break;
                case NamespaceHeader: break;
                default: headers[header.Key] = value; break;
            }
        }

        var queued = new QueueMessage(
            StreamId.Create(slot.Namespace, KeyOf(message.Key)),
            ParseKind(kind),
            eventId ?? OffsetId(result),
            eventType ?? "",
            contentType ?? GranaryContentType,
            message.Value ?? [],
            headers,
            message.Timestamp.UtcDateTime);
        return new QueueRecord(slot.Index, result.Offset.Value, queued);
    }

    public static string OffsetId(ConsumeResult<byte[], byte[]> result) =>
        string.Create(CultureInfo.InvariantCulture, $"{result.Topic}/{result.Partition.Value}/{result.Offset.Value}");

    public static string KeyOf(byte[]? key) => key is { Length: > 0 } ? Encoding.UTF8.GetString(key) : "_";

    public static byte[] Utf8(string value) => Encoding.UTF8.GetBytes(value);

    public static string KindName(StreamEventKind kind) => kind switch
    {
        StreamEventKind.Completed => "completed",
        StreamEventKind.Error => "error",
        _ => "item",
    };

    private static StreamEventKind ParseKind(string? kind) => kind switch
    {
        "completed" => StreamEventKind.Completed,
        "error" => StreamEventKind.Error,
        _ => StreamEventKind.Item,
    };
}
