namespace Granary.Serialization.BuiltIn;

/// <summary>Single-dimension arrays (byte arrays have their own compact codec).</summary>
internal sealed class ArrayCodec<T> : FieldCodec<T[]>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, T[] value)
    {
        if (value is null) writer.WriteNull(fieldId);
        else CollectionWire.WriteSpan<T>(writer, fieldId, value);
    }

    public override T[] ReadValue(GranaryReader reader, WireType wireType) =>
        wireType == WireType.Null ? null! : ReadArray(reader, wireType);

    /// <summary>Reads a non-null collection into an array of exactly its count.</summary>
    public static T[] ReadArray(GranaryReader reader, WireType wireType)
    {
        var count = CollectionWire.ReadStart(reader, wireType);
        var codec = Codecs.Get<T>();
        var items = count == 0 ? [] : new T[count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = codec.ReadValue(reader, CollectionWire.ReadItemHeader(reader, CollectionWire.ItemField, count));
        }

        CollectionWire.ReadEnd(reader, count);
        return items;
    }
}
