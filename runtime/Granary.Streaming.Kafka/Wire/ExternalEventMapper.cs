using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Granary.Streaming.Providers;
using Granary.Streams;

namespace Granary.Streaming.Kafka.Wire;

/// <summary>
/// Reads a message of a topic written outside Granary: the JSON value becomes an item of the configured event
/// type on the stream named by the key property (or the message key). The JSON is decoded by the subscriber
/// (<see cref="JsonStreamPayloadCodec"/>), so a value that does not bind fails there, is retried and dead-lettered
/// like any failing event instead of stopping the partition.
/// </summary>
internal static class ExternalEventMapper
{
    public static QueueRecord FromKafka(KafkaSlot slot, ConsumeResult<byte[], byte[]> result)
    {
        var external = slot.External!;
        var message = result.Message;
        var value = message.Value ?? [];
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        string? eventId = null;
        foreach (var header in message.Headers ?? [])
        {
            var text = Encoding.UTF8.GetString(header.GetValueBytes() ?? []);
            if (header.Key == StreamHeaders.EventId) eventId = text;
            else headers[header.Key] = text;
        }

        var key = string.IsNullOrEmpty(external.KeyProperty) ? null : KeyFromJson(value, external.KeyProperty);
        var queued = new QueueMessage(
            StreamId.Create(slot.Namespace, key ?? KafkaEventCodec.KeyOf(message.Key)),
            StreamEventKind.Item,
            eventId ?? KafkaEventCodec.OffsetId(result),
            external.EventType,
            JsonStreamPayloadCodec.Name,
            value,
            headers,
            message.Timestamp.UtcDateTime);
        return new QueueRecord(slot.Index, result.Offset.Value, queued);
    }

    /// <summary>The key property as text (strings as they are, numbers and others as their JSON); null when absent or not JSON.</summary>
    private static string? KeyFromJson(byte[] value, string property)
    {
        try
        {
            var reader = new Utf8JsonReader(value);
            if (!JsonDocument.TryParseValue(ref reader, out var document)) return null;
            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object
                    || !document.RootElement.TryGetProperty(property, out var key)) return null;
                var text = key.ValueKind == JsonValueKind.String ? key.GetString() : key.GetRawText();
                return string.IsNullOrEmpty(text) ? null : text;
            }
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
