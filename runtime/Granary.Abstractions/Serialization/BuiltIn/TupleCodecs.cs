namespace Granary.Serialization.BuiltIn;

// Pairs and tuples are objects whose item i is field i + 1; missing items read as default, unknown fields are skipped.

internal sealed class KeyValuePairCodec<TKey, TValue> : FieldCodec<KeyValuePair<TKey, TValue>>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, KeyValuePair<TKey, TValue> value)
    {
        writer.WriteStartObject(fieldId);
        Codecs.Get<TKey>().WriteField(writer, 1, value.Key);
        Codecs.Get<TValue>().WriteField(writer, 2, value.Value);
        writer.WriteEndObject();
    }

    public override KeyValuePair<TKey, TValue> ReadValue(GranaryReader reader, WireType wireType)
    {
        var (key, value, _, _) = TupleWire.Read<TKey, TValue, byte, byte>(reader, wireType, 2);
        return new KeyValuePair<TKey, TValue>(key, value);
    }
}

internal sealed class ValueTupleCodec<T1, T2> : FieldCodec<ValueTuple<T1, T2>>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, (T1, T2) value)
    {
        writer.WriteStartObject(fieldId);
        Codecs.Get<T1>().WriteField(writer, 1, value.Item1);
        Codecs.Get<T2>().WriteField(writer, 2, value.Item2);
        writer.WriteEndObject();
    }

    public override (T1, T2) ReadValue(GranaryReader reader, WireType wireType)
    {
        var (item1, item2, _, _) = TupleWire.Read<T1, T2, byte, byte>(reader, wireType, 2);
        return (item1, item2);
    }
}

internal sealed class ValueTupleCodec<T1, T2, T3> : FieldCodec<ValueTuple<T1, T2, T3>>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, (T1, T2, T3) value)
    {
        writer.WriteStartObject(fieldId);
        Codecs.Get<T1>().WriteField(writer, 1, value.Item1);
        Codecs.Get<T2>().WriteField(writer, 2, value.Item2);
        Codecs.Get<T3>().WriteField(writer, 3, value.Item3);
        writer.WriteEndObject();
    }

    public override (T1, T2, T3) ReadValue(GranaryReader reader, WireType wireType)
    {
        var (item1, item2, item3, _) = TupleWire.Read<T1, T2, T3, byte>(reader, wireType, 3);
        return (item1, item2, item3);
    }
}

internal sealed class ValueTupleCodec<T1, T2, T3, T4> : FieldCodec<ValueTuple<T1, T2, T3, T4>>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, (T1, T2, T3, T4) value)
    {
        writer.WriteStartObject(fieldId);
        Codecs.Get<T1>().WriteField(writer, 1, value.Item1);
        Codecs.Get<T2>().WriteField(writer, 2, value.Item2);
        Codecs.Get<T3>().WriteField(writer, 3, value.Item3);
        Codecs.Get<T4>().WriteField(writer, 4, value.Item4);
        writer.WriteEndObject();
    }

    public override (T1, T2, T3, T4) ReadValue(GranaryReader reader, WireType wireType) =>
        TupleWire.Read<T1, T2, T3, T4>(reader, wireType, 4);
}

/// <summary>One reader for every arity: shorter tuples pass <see cref="byte"/> for the unused items; fields past the arity are skipped.</summary>
internal static class TupleWire
{
    public static (T1, T2, T3, T4) Read<T1, T2, T3, T4>(GranaryReader reader, WireType wireType, int arity)
    {
        WireGuard.Expect(wireType, WireType.StartObject);
        reader.EnterObject();
        (T1, T2, T3, T4) items = default!;
        while (true)
        {
            var field = reader.ReadFieldHeader();
            if (field.IsEndObject) break;
            switch (field.Id)
            {
                case 1: items.Item1 = Codecs.Get<T1>().ReadValue(reader, field.WireType); break;
                case 2: items.Item2 = Codecs.Get<T2>().ReadValue(reader, field.WireType); break;
                case 3 when arity >= 3: items.Item3 = Codecs.Get<T3>().ReadValue(reader, field.WireType); break;
                case 4 when arity >= 4: items.Item4 = Codecs.Get<T4>().ReadValue(reader, field.WireType); break;
                default: reader.SkipField(field.WireType); break;
            }
        }

        reader.ExitObject();
        return items;
    }
}
