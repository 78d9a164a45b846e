using System.Collections.Concurrent;
using System.Text;
using Granary.Metadata;
using Granary.Runtime;
using Granary.Serialization.BuiltIn;

namespace Granary.Serialization;

/// <summary>
/// The process-wide codec registry: generated codecs register themselves through generated metadata,
/// built-in codecs (primitives, collections, enums, nullable, exceptions) are created on first use.
/// Lookups after the first are a static field read.
/// </summary>
public static class Codecs
{
    private const int MaxStackTypeName = 512;

    private static readonly ConcurrentDictionary<Type, IFieldCodec> ByType = new();
    private static readonly ConcurrentDictionary<string, IFieldCodec> ByName = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, IFieldCodec>.AlternateLookup<ReadOnlySpan<char>> ByNameSpans =
        ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The codec of <typeparamref name="T"/>.</summary>
    public static IFieldCodec<T> Get<T>() => CodecCache<T>.Codec ??= (IFieldCodec<T>)Get(typeof(T));

    /// <summary>The codec of <paramref name="type"/>; throws a message naming the type when it has none.</summary>
    public static IFieldCodec Get(Type type) =>
        TryGet(type) ?? throw new SerializerNotFoundException(
            $"No serializer for type '{type.FullName}'. Mark it [GenerateSerializer] and its members [Id(n)], or mark it [Immutable] and wrap it.");

    private static IFieldCodec? TryGet(Type type)
    {
        if (ByType.TryGetValue(type, out var codec)) return codec;
        GranaryMetadata.EnsureLoaded(type.Assembly);
        if (ByType.TryGetValue(type, out codec)) return codec;
        codec = BuiltInCodecs.TryCreate(type);
        if (codec is null) return null;
        Add(type, codec);
        return ByType[type];
    }

    /// <summary>Registers a codec; the first registration of a type wins.</summary>
    public static void Register<T>(IFieldCodec<T> codec) => Add(typeof(T), codec);

    /// <summary>Writes a value of any type under its type name, so the reader can find its codec.</summary>
    public static void WritePolymorphic(GranaryWriter writer, uint fieldId, object? value)
    {
        if (value is null)
        {
            writer.WriteNull(fieldId);
            return;
        }

        var type = value is GrainReference reference ? reference.InterfaceType : value.GetType();
        var codec = TryGet(type);
        if (codec is null && !CollectionStandIns.TryGet(type, out type, out codec)) codec = Get(type);
        if (codec is IExceptionCodec)
        {
            // Exceptions name their type inside the object, so an unknown type degrades to a stand-in
            // instead of failing the whole read.
            type = typeof(Exception);
            codec = Get(type);
        }

        writer.WriteStartTypedObject(fieldId, TypeNames.GetName(type));
        if (codec is IObjectFieldsCodec objectCodec)
        {
            objectCodec.WriteFieldsUntyped(writer, value);
        }
        else
        {
            // Scalars and collections are wrapped as the single field 0 of the typed object.
            codec.WriteFieldUntyped(writer, 0, value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads a value written by <see cref="WritePolymorphic"/>; the field header was already read.</summary>
    public static object? ReadPolymorphicBody(GranaryReader reader)
    {
        var codec = ReadCodecByName(reader);
        reader.EnterObject();
        object? value;
        if (codec is IObjectFieldsCodec objectCodec)
        {
            value = objectCodec.ReadFieldsUntyped(reader);
        }
        else
        {
            var field = reader.ReadFieldHeader();
            value = codec.ReadValueUntyped(reader, field.WireType);
            var end = reader.ReadFieldHeader();
            if (!end.IsEndObject) throw new WireFormatException($"A wrapped value of type '{codec.ValueType.Name}' has extra fields.");
        }

        reader.ExitObject();
        return value;
    }

    /// <summary>Reads a field of declared type <see cref="object"/> (or any type) by its wire layout.</summary>
    public static object? ReadAny(GranaryReader reader, WireType wireType) => wireType switch
    {
        WireType.Null => null,
        WireType.TypedObject => ReadPolymorphicBody(reader),
        _ => throw new WireFormatException($"A value of unknown type must be written as a typed object, found {wireType}."),
    };

    /// <summary>The codec registered under a wire type name; resolves and loads the type on first use.</summary>
    public static IFieldCodec GetByName(string typeName)
    {
        if (ByName.TryGetValue(typeName, out var codec)) return codec;
        var type = TypeNames.Resolve(typeName)
            ?? throw new WireFormatException($"Type '{typeName}' on the wire is not known to this process.");
        return Get(type);
    }

    /// <summary>Reads a type name and finds its codec; known names are looked up without allocating a string.</summary>
    private static IFieldCodec ReadCodecByName(GranaryReader reader)
    {
        var utf8 = reader.ReadLengthPrefixed();
        if (utf8.Length <= MaxStackTypeName)
        {
            // UTF-8 never decodes to more UTF-16 chars than it has bytes.
            Span<char> chars = stackalloc char[utf8.Length];
            var length = Encoding.UTF8.GetChars(utf8, chars);
            if (ByNameSpans.TryGetValue(chars[..length], out var known)) return known;
        }

        return GetByName(Encoding.UTF8.GetString(utf8));
    }

    private static void Add(Type type, IFieldCodec codec)
    {
        if (!ByType.TryAdd(type, codec)) return;
        ByName.TryAdd(TypeNames.GetName(type), codec);
    }

    private static class CodecCache<T>
    {
        public static IFieldCodec<T>? Codec;
    }
}

/// <summary>A type has no codec.</summary>
public sealed class SerializerNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SerializerNotFoundException() : this("No serializer for the type.") { }

    /// <summary>Creates the exception with a message.</summary>
    public SerializerNotFoundException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SerializerNotFoundException(string message, Exception innerException) : base(message, innerException) { }
}
