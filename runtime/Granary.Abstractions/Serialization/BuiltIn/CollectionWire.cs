using System.Runtime.InteropServices;

namespace Granary.Serialization.BuiltIn;

/// <summary>
/// The layout shared by every collection: an object whose field 0 is the count, then one field 1 per
/// item (or field 1 key and field 2 value per entry). Unknown fields are skipped like in any object.
/// </summary>
internal static class CollectionWire
{
    public const uint CountField = 0;
    public const uint ItemField = 1;
    public const uint KeyField = 1;
    public const uint ValueField = 2;

    /// <summary>Opens the collection object and writes its count; close it with <see cref="GranaryWriter.WriteEndObject"/>.</summary>
    public static void WriteStart(GranaryWriter writer, uint fieldId, int count)
    {
        writer.WriteStartObject(fieldId);
        writer.WriteFieldHeader(CountField, WireType.VarInt);
        writer.WriteVarUInt32((uint)count);
    }

    /// <summary>Writes a whole collection object from a span.</summary>
    public static void WriteSpan<T>(GranaryWriter writer, uint fieldId, ReadOnlySpan<T> items)
    {
        WriteStart(writer, fieldId, items.Length);
        var codec = Codecs.Get<T>();
        foreach (var item in items) codec.WriteField(writer, ItemField, item);
        writer.WriteEndObject();
    }

    /// <summary>Writes a whole collection object from any sequence; arrays and lists take the span path.</summary>
    public static void WriteSequence<T>(GranaryWriter writer, uint fieldId, IEnumerable<T> items)
    {
        switch (items)
        {
            case T[] array:
                WriteSpan<T>(writer, fieldId, array);
                return;
            case List<T> list:
                WriteSpan<T>(writer, fieldId, CollectionsMarshal.AsSpan(list));
                return;
        }

        var count = CountOf(items);
        if (count < 0)
        {
            // Lazy sequences have no count until enumerated, and the count goes first.
            WriteSpan<T>(writer, fieldId, CollectionsMarshal.AsSpan(new List<T>(items)));
            return;
        }

        WriteStart(writer, fieldId, count);
        var codec = Codecs.Get<T>();
        var written = 0;
        foreach (var item in items)
        {
            if (++written > count) throw ModifiedWhileWriting();
            codec.WriteField(writer, ItemField, item);
        }

        if (written != count) throw ModifiedWhileWriting();
        writer.WriteEndObject();
    }

    /// <summary>Enters the collection object and reads its count.</summary>
    public static int ReadStart(GranaryReader reader, WireType wireType)
    {
        WireGuard.Expect(wireType, WireType.StartObject);
        reader.EnterObject();
        var field = reader.ReadFieldHeader();
        if (field.Id != CountField || field.WireType != WireType.VarInt)
        {
            throw new WireFormatException($"A collection must start with its count, found field {field.Id} of type {field.WireType}.");
        }

        // Every item takes at least one byte, so a larger count is a lie; checking it first keeps a
        // hostile count from allocating gigabytes up front.
        var count = reader.ReadVarUInt64();
        return count <= (ulong)reader.Remaining
            ? (int)count
            : throw new WireFormatException($"A collection claims {count} items but only {reader.Remaining} bytes remain.");
    }

    /// <summary>Moves to the next field <paramref name="id"/>, skipping others; at the end of the object exits it and returns false.</summary>
    public static bool TryReadField(GranaryReader reader, uint id, out WireType wireType)
    {
        while (true)
        {
            var field = reader.ReadFieldHeader();
            if (field.IsEndObject)
            {
                reader.ExitObject();
                wireType = default;
                return false;
            }

            if (field.Id == id)
            {
                wireType = field.WireType;
                return true;
            }

            reader.SkipField(field.WireType);
        }
    }

    /// <summary>Reads the next item's header; fails when the object ends before <paramref name="count"/> items.</summary>
    public static WireType ReadItemHeader(GranaryReader reader, uint id, int count) =>
        TryReadField(reader, id, out var wireType) ? wireType : throw CountMismatch(count);

    /// <summary>Reads to the end of the object; fails when more items follow than the count announced.</summary>
    public static void ReadEnd(GranaryReader reader, int count)
    {
        if (TryReadField(reader, ItemField, out _)) throw CountMismatch(count);
    }

    /// <summary>The count of a collection without enumerating it, or -1 when only enumeration tells.</summary>
    public static int CountOf<T>(IEnumerable<T> items) => items switch
    {
        ICollection<T> collection => collection.Count,
        IReadOnlyCollection<T> collection => collection.Count,
        _ => -1,
    };

    public static WireFormatException CountMismatch(int count) =>
        new($"A collection's items do not match its count of {count}.");

    public static InvalidOperationException ModifiedWhileWriting() =>
        new("A collection changed while it was being serialized.");
}
