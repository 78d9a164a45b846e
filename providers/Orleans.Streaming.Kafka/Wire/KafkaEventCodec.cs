using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;

namespace Orleans.Streaming.Kafka.Wire;

/// <summary>
/// The open wire format: key = stream key bytes, value = the event as JSON, headers = event type, event id,
/// content type and W3C trace context. Records without headers (written by kcat or another service) are read too.
/// </summary>
internal sealed class KafkaEventCodec(EventTypeNames types)
{
    private static readonly byte[] Json = Encoding.UTF8.GetBytes("application/json");

    public Message<byte[], byte[]> Encode(StreamId streamId, object item, Activity? activity)
    {
        var headers = new Headers
        {
            { KafkaStreamHeaders.EventType, Encoding.UTF8.GetBytes(types.NameOf(item.GetType())) },
            { KafkaStreamHeaders.EventId, Encoding.UTF8.GetBytes(Guid.NewGuid().ToString("N")) },
            { KafkaStreamHeaders.ContentType, Json },
        };
        if (activity is { IdFormat: ActivityIdFormat.W3C })
        {
            headers.Add(KafkaStreamHeaders.TraceParent, Encoding.UTF8.GetBytes(activity.Id!));
            if (activity.TraceStateString is { Length: > 0 } state) headers.Add(KafkaStreamHeaders.TraceState, Encoding.UTF8.GetBytes(state));
        }

        return new Message<byte[], byte[]>
        {
            Key = streamId.Key.ToArray(),
            Value = JsonSerializer.SerializeToUtf8Bytes(item, item.GetType(), EventTypes.Json),
            Headers = headers,
        };
    }

    /// <summary>Reads a record as an event of <paramref name="streamNamespace"/>; null with a reason when it is not JSON.</summary>
    public KafkaBatchContainer? Decode(string streamNamespace, ConsumeResult<byte[], byte[]> result, out string? error)
    {
        var message = result.Message;
        var value = message.Value ?? [];
        error = Validate(value);
        if (error is not null) return null;
        var streamId = StreamId.Create(Encoding.UTF8.GetBytes(streamNamespace), message.Key ?? []);
        return new KafkaBatchContainer(
            streamId, new KafkaSequenceToken(result.Offset.Value), value,
            Header(message, KafkaStreamHeaders.EventType), Header(message, KafkaStreamHeaders.EventId), Header(message, KafkaStreamHeaders.TraceParent),
            types);
    }

    public static string? Header(Message<byte[], byte[]> message, string name) =>
        message.Headers?.TryGetLastBytes(name, out var bytes) == true ? Encoding.UTF8.GetString(bytes) : null;

    private static string? Validate(byte[] value)
    {
        if (value.Length == 0) return "The record has no value; events are JSON.";
        try
        {
            var reader = new Utf8JsonReader(value);
            while (reader.Read())
            {
            }

            return null;
        }
        catch (JsonException exception)
        {
            return $"The record's value is not JSON: {exception.Message}";
        }
    }
}
