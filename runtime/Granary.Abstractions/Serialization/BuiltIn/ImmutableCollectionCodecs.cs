using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Granary.Serialization.BuiltIn;

/// <summary>A default (uninitialized) array travels as null and comes back default.</summary>
internal sealed class ImmutableArrayCodec<T> : FieldCodec<ImmutableArray<T>>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, ImmutableArray<T> value)
    {
        if (value.IsDefault) writer.WriteNull(fieldId);
        else CollectionWire.WriteSpan(writer, fieldId, value.AsSpan());
    }

    public override ImmutableArray<T> ReadValue(GranaryReader reader, WireType wireType) =>
        wireType == WireType.Null
            ? default
            : ImmutableCollectionsMarshal.AsImmutableArray(ArrayCodec<T>.ReadArray(reader, wireType));
}

internal sealed class ImmutableListCodec<T> : FieldCodec<ImmutableList<T>>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, ImmutableList<T> value)
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

    public override ImmutableList<T> ReadValue(GranaryReader reader, WireType wireType) =>
        wireType == WireType.Null ? null! : ImmutableList.Create<T>(ArrayCodec<T>.ReadArray(reader, wireType));
}

internal sealed class ImmutableHashSetCodec<T> : FieldCodec<ImmutableHashSet<T>>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, ImmutableHashSet<T> value)
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

    public override ImmutableHashSet<T> ReadValue(GranaryReader reader, WireType wireType) =>
        wireType == WireType.Null ? null! : ImmutableHashSet.Create<T>(ArrayCodec<T>.ReadArray(reader, wireType));
}
