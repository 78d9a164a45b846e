namespace Granary.Streaming.Providers;

/// <summary>
/// Encodes items into queue payloads and back, by content type. The runtime's binary encoding is always
/// available; an adapter adds others (such as JSON for topics written outside Granary).
/// </summary>
public interface IStreamPayloadCodec
{
    /// <summary>The content type this codec reads and writes, such as <c>application/x-granary</c>.</summary>
    string ContentType { get; }

    /// <summary>Encodes an item (or an exception, for error events).</summary>
    byte[] Encode(object? item);

    /// <summary>Decodes a payload into an instance of (or assignable to) <paramref name="expectedType"/>.</summary>
    object? Decode(ReadOnlyMemory<byte> payload, Type expectedType);
}
