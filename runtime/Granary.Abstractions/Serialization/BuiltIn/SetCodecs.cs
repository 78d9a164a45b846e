namespace Granary.Serialization.BuiltIn;

/// <summary>Sets travel as collections; the comparer stays behind (the reader's default applies).</summary>
internal sealed class HashSetCodec<T> : FieldCodec<HashSet<T>>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, HashSet<T> value)
    {
        if (value is null)
        {
            writer.WriteNull(fieldId);
            return;
        }

        CollectionWire.WriteStart(writer, fieldId, value.Count);
        var codec = Codecs.Get<T>();
        foreach (var item in value) codec.WriteField(writer, CollectionWire.ItemField, item);
        writer.WriteEndObject();
    }

    public override HashSet<T> ReadValue(GranaryReader reader, WireType wireType) =>
        wireType == WireType.Null ? null! : ReadSet(reader, wireType);

    /// <summary>Reads a non-null collection into a set.</summary>
    public static HashSet<T> ReadSet(GranaryReader reader, WireType wireType)
    {
        var count = CollectionWire.ReadStart(reader, wireType);
        var codec = Codecs.Get<T>();
        var items = new HashSet<T>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(codec.ReadValue(reader, CollectionWire.ReadItemHeader(reader, CollectionWire.ItemField, count)));
        }

        CollectionWire.ReadEnd(reader, count);
        return items;
    }
}

/// <summary>Members declared as ISet or IReadOnlySet: written as a collection, read back as a <see cref="HashSet{T}"/>.</summary>
internal sealed class SetInterfaceCodec<TSet, T> : FieldCodec<TSet> where TSet : class, IEnumerable<T>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, TSet value)
    {
        if (value is null) writer.WriteNull(fieldId);
        else CollectionWire.WriteSequence(writer, fieldId, value);
    }

    public override TSet ReadValue(GranaryReader reader, WireType wireType) =>
        wireType == WireType.Null ? null! : (TSet)(object)HashSetCodec<T>.ReadSet(reader, wireType);
}
