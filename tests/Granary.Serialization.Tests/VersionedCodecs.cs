namespace Granary.Serialization.Tests;

// Two versions of one contract. V2 added Email (3) and Tags (4); ids 1 and 2 never changed.

public sealed record PersonV1(string? Name, int Age);

public sealed record PersonV2(string? Name, int Age, string? Email, List<string>? Tags);

public sealed class PersonV1Codec : ObjectCodec<PersonV1>
{
    public override void WriteFields(GranaryWriter writer, PersonV1 value)
    {
        Codecs.Get<string>().WriteField(writer, 1, value.Name!);
        Codecs.Get<int>().WriteField(writer, 2, value.Age);
    }

    public override PersonV1 ReadFields(GranaryReader reader)
    {
        string? name = null;
        var age = 0;
        while (true)
        {
            var field = reader.ReadFieldHeader();
            if (field.IsEndObject) return new PersonV1(name, age);
            switch (field.Id)
            {
                case 1: name = Codecs.Get<string>().ReadValue(reader, field.WireType); break;
                case 2: age = Codecs.Get<int>().ReadValue(reader, field.WireType); break;
                default: reader.SkipField(field.WireType); break;
            }
        }
    }
}

public sealed class PersonV2Codec : ObjectCodec<PersonV2>
{
    public override void WriteFields(GranaryWriter writer, PersonV2 value)
    {
        Codecs.Get<string>().WriteField(writer, 1, value.Name!);
        Codecs.Get<int>().WriteField(writer, 2, value.Age);
        Codecs.Get<string>().WriteField(writer, 3, value.Email!);
        Codecs.Get<List<string>>().WriteField(writer, 4, value.Tags!);
    }

    public override PersonV2 ReadFields(GranaryReader reader)
    {
        string? name = null, email = null;
        var age = 0;
        List<string>? tags = null;
        while (true)
        {
            var field = reader.ReadFieldHeader();
            if (field.IsEndObject) return new PersonV2(name, age, email, tags);
            switch (field.Id)
            {
                case 1: name = Codecs.Get<string>().ReadValue(reader, field.WireType); break;
                case 2: age = Codecs.Get<int>().ReadValue(reader, field.WireType); break;
                case 3: email = Codecs.Get<string>().ReadValue(reader, field.WireType); break;
                case 4: tags = Codecs.Get<List<string>>().ReadValue(reader, field.WireType); break;
                default: reader.SkipField(field.WireType); break;
            }
        }
    }
}

/// <summary>A future version that appends one unknown field of every wire type after V1's fields.</summary>
public sealed class PersonV3Codec : ObjectCodec<PersonV1>
{
    public override void WriteFields(GranaryWriter writer, PersonV1 value)
    {
        Codecs.Get<string>().WriteField(writer, 1, value.Name!);
        writer.WriteFieldHeader(10, WireType.VarInt);
        writer.WriteVarUInt64(ulong.MaxValue);
        writer.WriteFieldHeader(11, WireType.Fixed32);
        writer.WriteFixed32(0xDEADBEEF);
        writer.WriteFieldHeader(12, WireType.Fixed64);
        writer.WriteFixed64(ulong.MaxValue);
        writer.WriteFieldHeader(13, WireType.LengthPrefixed);
        writer.WriteString("unknown text");
        writer.WriteNull(14);
        // A nested object holding an object, a collection and a typed object: skipping must balance all of them.
        writer.WriteStartObject(15);
        writer.WriteStartObject(1);
        Codecs.Get<List<int>>().WriteField(writer, 2, [1, 2, 3]);
        writer.WriteEndObject();
        Codecs.WritePolymorphic(writer, 3, new Dictionary<string, int> { ["a"] = 1 });
        writer.WriteEndObject();
        Codecs.WritePolymorphic(writer, 16, new Dog { Name = "Rex", Barks = 3 });
        writer.WriteFieldHeader(uint.MaxValue, WireType.VarInt);
        writer.WriteVarUInt32(7);
        // Field 2 comes last: known fields after unknown ones must still be read.
        Codecs.Get<int>().WriteField(writer, 2, value.Age);
    }

    public override PersonV1 ReadFields(GranaryReader reader) => throw new NotSupportedException("Write-only test codec.");
}
