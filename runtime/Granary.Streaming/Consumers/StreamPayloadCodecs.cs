using Granary.Runtime;
using Granary.Serialization;
using Granary.Streaming.Providers;

namespace Granary.Streaming.Consumers;

/// <summary>The payload codecs of the silo by content type: Granary's binary format plus any an adapter registers.</summary>
internal sealed class StreamPayloadCodecs
{
    private readonly Dictionary<string, IStreamPayloadCodec> _byContentType = new(StringComparer.OrdinalIgnoreCase);

    public StreamPayloadCodecs(IEnumerable<IStreamPayloadCodec> codecs, IGrainReferenceFactory references)
    {
        Default = new GranaryPayloadCodec(references);
        _byContentType[Default.ContentType] = Default;
        foreach (var codec in codecs) _byContentType[codec.ContentType] = codec;
    }

    /// <summary>The encoding producers use.</summary>
    public IStreamPayloadCodec Default { get; }

    public IStreamPayloadCodec Get(string contentType) =>
        _byContentType.TryGetValue(contentType, out var codec)
            ? codec
            : throw new NotSupportedException($"No stream payload codec reads content type '{contentType}'. Known: {string.Join(", ", _byContentType.Keys)}.");

    public object? Decode(string contentType, ReadOnlyMemory<byte> payload, Type expectedType) => Get(contentType).Decode(payload, expectedType);
}

/// <summary>Granary's own encoding: the item under its type name, so subscribers of a base type get the derived item.</summary>
internal sealed class GranaryPayloadCodec(IGrainReferenceFactory references) : IStreamPayloadCodec
{
    public const string Name = "application/x-granary";

    public string ContentType => Name;

    public byte[] Encode(object? item) => Serializer.Serialize(item);

    public object? Decode(ReadOnlyMemory<byte> payload, Type expectedType) => Serializer.Deserialize<object?>(payload, references);
}
