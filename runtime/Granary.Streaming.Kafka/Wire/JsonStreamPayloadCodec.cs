using System.Text.Json;
using Granary.Streaming.Providers;

namespace Granary.Streaming.Kafka.Wire;

/// <summary>
/// JSON payloads (external topics): decoded into the subscriber's item type with the web defaults
/// (camelCase, case-insensitive names, numbers from strings).
/// </summary>
internal sealed class JsonStreamPayloadCodec : IStreamPayloadCodec
{
    public const string Name = "application/json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public string ContentType => Name;

    public byte[] Encode(object? item) => JsonSerializer.SerializeToUtf8Bytes(item, item?.GetType() ?? typeof(object), Options);

    public object? Decode(ReadOnlyMemory<byte> payload, Type expectedType) =>
        JsonSerializer.Deserialize(payload.Span, expectedType == typeof(object) ? typeof(JsonElement) : expectedType, Options);
}
