using Granary.Runtime;

namespace Granary.Serialization;

/// <summary>
/// One deep copy: the value is written with a pooled writer and read straight back by the codec of its
/// runtime type. Writer and reader live in one process, so no type name needs to travel. Grain references
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
        if (typeof(T).IsValueType) return CopyTyped(value, references);
        var runtimeType = value!.GetType();
        return runtimeType == typeof(T) || !RuntimeTypeCodecs.Exists(runtimeType)
            ? CopyTyped(value, references)
            : (T)CopyUntyped(Codecs.Get(runtimeType), value, references)!;
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

    private static T CopyTyped<T>(T value, IGrainReferenceFactory? references)
    {
        var codec = Codecs.Get<T>();
        var context = Rent(references, out var writer);
        try
        {
            codec.WriteField(writer, 0, value);
            return codec.ReadValue(context._reader, context.StartReading(writer));
        }
        finally
        {
            Return(context, writer);
        }
    }

    private static object? CopyUntyped(IFieldCodec codec, object value, IGrainReferenceFactory? references)
    {
        var context = Rent(references, out var writer);
        try
        {
            codec.WriteFieldUntyped(writer, 0, value);
            return codec.ReadValueUntyped(context._reader, context.StartReading(writer));
        }
        finally
        {
            Return(context, writer);
        }
    }

    private static CopyContext Rent(IGrainReferenceFactory? references, out GranaryWriter writer)
    {
        // Taken out while in use, so a copy nested inside a codec gets a context of its own.
        var context = _cached ?? new CopyContext();
        _cached = null;
        context._fallback = references;
        writer = WriterPool.Rent();
        writer.CopiedReferences = context._references;
        return context;
    }

    private WireType StartReading(GranaryWriter writer)
    {
        _reader.Reset(writer.WrittenMemory);
        return _reader.ReadFieldHeader().WireType;
    }

    private static void Return(CopyContext context, GranaryWriter writer)
    {
        WriterPool.Return(writer);
        context._references.Clear();
        context._fallback = null;
        context._reader.Reset(ReadOnlyMemory<byte>.Empty);
        _cached = context;
    }
}
