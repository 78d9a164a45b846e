using Granary.Runtime;

namespace Granary.Serialization;

/// <summary>
/// One deep copy: the value is written with a pooled writer and read straight back. Grain references
/// written are collected so the reader hands back the same instances; they are immutable, and the copy
/// has no runtime of its own to bind new ones to. One context per thread is reused.
/// </summary>
internal sealed class CopyContext : IGrainReferenceFactory
{
    [ThreadStatic]
    private static CopyContext? _cached;

    private readonly List<IAddressable> _references = [];
    private readonly GranaryReader _reader;
    private IGrainReferenceFactory? _fallback;

    private CopyContext() => _reader = new GranaryReader(ReadOnlyMemory<byte>.Empty, this);

    public static T Copy<T>(T value, IGrainReferenceFactory? references)
    {
        // Taken out while in use, so a copy nested inside a codec gets a context of its own.
        var context = _cached ?? new CopyContext();
        _cached = null;
        context._fallback = references;
        var writer = WriterPool.Rent();
        try
        {
            writer.CopiedReferences = context._references;
            Serializer.Serialize(writer, value);
            context._reader.Reset(writer.WrittenMemory);
            return Serializer.Deserialize<T>(context._reader);
        }
        finally
        {
            WriterPool.Return(writer);
            context._references.Clear();
            context._fallback = null;
            context._reader.Reset(ReadOnlyMemory<byte>.Empty);
            _cached = context;
        }
    }

    public IAddressable CreateReference(GrainId grainId, Type interfaceType)
    {
        foreach (var reference in _references)
        {
            if (reference is GrainReference written && written.GrainId == grainId && interfaceType.IsInstanceOfType(written)) return written;
        }

        return _fallback?.CreateReference(grainId, interfaceType)
            ?? throw new WireFormatException($"Copying a grain ({grainId}) that passed itself needs a reference factory.");
    }
}
