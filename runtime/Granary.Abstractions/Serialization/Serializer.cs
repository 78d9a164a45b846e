using Granary.Runtime;
using Granary.Serialization.BuiltIn;

namespace Granary.Serialization;

/// <summary>
/// Serializes whole values: the value is field 0 of the buffer. When the runtime type differs from the
/// declared one and has a codec of its own, the value is written under its type name, so it reads back as itself.
/// </summary>
public static class Serializer
{
    /// <summary>Serializes <paramref name="value"/> into a new array.</summary>
    public static byte[] Serialize<T>(T value)
    {
        var writer = WriterPool.Rent();
        try
        {
            Serialize(writer, value);
            return writer.ToArray();
        }
        finally
        {
            WriterPool.Return(writer);
        }
    }

    /// <summary>Appends <paramref name="value"/> to <paramref name="writer"/> as field 0.</summary>
    public static void Serialize<T>(GranaryWriter writer, T value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var codec = Codecs.Get<T>();
        if (!typeof(T).IsValueType && value is not null && value.GetType() != typeof(T)
            && codec is not IRuntimeTypedCodec && RuntimeTypeCodecs.Exists(value.GetType()))
        {
            Codecs.WritePolymorphic(writer, 0, value);
            return;
        }

        codec.WriteField(writer, 0, value);
    }

    /// <summary>Reads a value written by <see cref="Serialize{T}(T)"/>; the data must hold exactly one value.</summary>
    public static T Deserialize<T>(ReadOnlyMemory<byte> data, IGrainReferenceFactory? references = null)
    {
        var reader = new GranaryReader(data, references);
        var value = Deserialize<T>(reader);
        return reader.IsAtEnd ? value : throw new WireFormatException($"{reader.Remaining} bytes follow the serialized value.");
    }

    /// <summary>Reads field 0 from <paramref name="reader"/>, leaving the reader after it.</summary>
    public static T Deserialize<T>(GranaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var field = reader.ReadFieldHeader();
        if (field.Id != 0) throw new WireFormatException($"Expected the value as field 0, found field {field.Id}.");
        if (field.WireType != WireType.TypedObject) return Codecs.Get<T>().ReadValue(reader, field.WireType);
        return Codecs.ReadPolymorphicBody(reader) is T typed
            ? typed
            : throw new WireFormatException($"The value on the wire is not a {typeof(T).Name}.");
    }
}
