using System.Collections.Immutable;

namespace Granary.Serialization.BuiltIn;

/// <summary>The comparer stays behind: the reader's default for the key type applies.</summary>
internal sealed class DictionaryCodec<TKey, TValue> : FieldCodec<Dictionary<TKey, TValue>> where TKey : notnull
{
    public override void WriteField(GranaryWriter writer, uint fieldId, Dictionary<TKey, TValue> value)
    {
        if (value is null) writer.WriteNull(fieldId);
        else DictionaryWire.Write(writer, fieldId, value);
    }

    public override Dictionary<TKey, TValue> ReadValue(GranaryReader reader, WireType wireType) =>
        wireType == WireType.Null ? null! : DictionaryWire.Read<TKey, TValue>(reader, wireType);
}

/// <summary>Members declared as IDictionary or IReadOnlyDictionary: read back as a <see cref="Dictionary{TKey, TValue}"/>.</summary>
internal sealed class DictionaryInterfaceCodec<TDictionary, TKey, TValue> : FieldCodec<TDictionary>
    where TDictionary : class, IEnumerable<KeyValuePair<TKey, TValue>>
    where TKey : notnull
{
    public override void WriteField(GranaryWriter writer, uint fieldId, TDictionary value)
    {
        if (value is null) writer.WriteNull(fieldId);
        else DictionaryWire.WriteEntries(writer, fieldId, value);
    }

    public override TDictionary ReadValue(GranaryReader reader, WireType wireType) =>
        wireType == WireType.Null ? null! : (TDictionary)(object)DictionaryWire.Read<TKey, TValue>(reader, wireType);
}

internal sealed class ImmutableDictionaryCodec<TKey, TValue> : FieldCodec<ImmutableDictionary<TKey, TValue>> where TKey : notnull
{
    public override void WriteField(GranaryWriter writer, uint fieldId, ImmutableDictionary<TKey, TValue> value)
    {
        if (value is null) writer.WriteNull(fieldId);
        else DictionaryWire.WriteEntries(writer, fieldId, value);
    }

    public override ImmutableDictionary<TKey, TValue> ReadValue(GranaryReader reader, WireType wireType) =>
        wireType == WireType.Null ? null! : DictionaryWire.Read<TKey, TValue>(reader, wireType).ToImmutableDictionary();
}
