using System.Runtime.InteropServices;

namespace Granary.Serialization.BuiltIn;

internal sealed class ListCodec<T> : FieldCodec<List<T>>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, List<T> value)
    {
        if (value is null) writer.WriteNull(fieldId);
        else CollectionWire.WriteSpan<T>(writer, fieldId, CollectionsMarshal.AsSpan(value));
    }

    public override List<T> ReadValue(GranaryReader reader, WireType wireType) =>
        wireType == WireType.Null ? null! : ReadList(reader, wireType);

    /// <summary>Reads a non-null collection into a list.</summary>
    public static List<T> ReadList(GranaryReader reader, WireType wireType)
    {
        var count = CollectionWire.ReadStart(reader, wireType);
        var codec = Codecs.Get<T>();
        var items = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(codec.ReadValue(reader, CollectionWire.ReadItemHeader(reader, CollectionWire.ItemField, count)));
        }

        CollectionWire.ReadEnd(reader, count);
        return items;
    }
}

/// <summary>
/// Members declared as IList, IReadOnlyList, ICollection, IReadOnlyCollection or IEnumerable: any
/// implementation is written as a collection and read back as a <see cref="List{T}"/>.
/// </summary>
internal sealed class ListInterfaceCodec<TList, T> : FieldCodec<TList> where TList : class, IEnumerable<T>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, TList value)
    {
        if (value is null) writer.WriteNull(fieldId);
        else CollectionWire.WriteSequence(writer, fieldId, value);
    }

    public override TList ReadValue(GranaryReader reader, WireType wireType) =>
        wireType == WireType.Null ? null! : (TList)(object)ListCodec<T>.ReadList(reader, wireType);
}
