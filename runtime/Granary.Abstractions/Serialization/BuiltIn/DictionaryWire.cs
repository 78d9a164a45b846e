namespace Granary.Serialization.BuiltIn;

/// <summary>Dictionaries are collections of entries: per entry a field 1 key then a field 2 value.</summary>
internal static class DictionaryWire
{
    public static void WriteEntries<TKey, TValue>(GranaryWriter writer, uint fieldId, IEnumerable<KeyValuePair<TKey, TValue>> entries)
        where TKey : notnull
    {
        if (entries is Dictionary<TKey, TValue> dictionary)
        {
            Write(writer, fieldId, dictionary);
            return;
        }

        var count = CollectionWire.CountOf(entries);
        if (count < 0)
        {
            Write(writer, fieldId, new Dictionary<TKey, TValue>(entries));
            return;
        }

        CollectionWire.WriteStart(writer, fieldId, count);
        var keys = Codecs.Get<TKey>();
        var values = Codecs.Get<TValue>();
        var written = 0;
        foreach (var entry in entries)
        {
            if (++written > count) throw CollectionWire.ModifiedWhileWriting();
            keys.WriteField(writer, CollectionWire.KeyField, entry.Key);
            values.WriteField(writer, CollectionWire.ValueField, entry.Value);
        }

        if (written != count) throw CollectionWire.ModifiedWhileWriting();
        writer.WriteEndObject();
    }

    /// <summary>The concrete dictionary's struct enumerator, without interface dispatch or allocation.</summary>
    public static void Write<TKey, TValue>(GranaryWriter writer, uint fieldId, Dictionary<TKey, TValue> dictionary)
        where TKey : notnull
    {
        CollectionWire.WriteStart(writer, fieldId, dictionary.Count);
        var keys = Codecs.Get<TKey>();
        var values = Codecs.Get<TValue>();
        foreach (var entry in dictionary)
        {
            keys.WriteField(writer, CollectionWire.KeyField, entry.Key);
            values.WriteField(writer, CollectionWire.ValueField, entry.Value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads a non-null dictionary; null or repeated keys are malformed input.</summary>
    public static Dictionary<TKey, TValue> Read<TKey, TValue>(GranaryReader reader, WireType wireType)
        where TKey : notnull
    {
        var count = CollectionWire.ReadStart(reader, wireType);
        var keys = Codecs.Get<TKey>();
        var values = Codecs.Get<TValue>();
        var dictionary = new Dictionary<TKey, TValue>(count);
        for (var i = 0; i < count; i++)
        {
            var key = keys.ReadValue(reader, CollectionWire.ReadItemHeader(reader, CollectionWire.KeyField, count));
            var value = values.ReadValue(reader, CollectionWire.ReadItemHeader(reader, CollectionWire.ValueField, count));
            if (key is null) throw new WireFormatException("A dictionary key is null.");
            if (!dictionary.TryAdd(key, value)) throw new WireFormatException($"A dictionary key appears twice: {key}.");
        }

        CollectionWire.ReadEnd(reader, count);
        return dictionary;
    }
}
