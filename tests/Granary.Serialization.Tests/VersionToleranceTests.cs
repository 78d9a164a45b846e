namespace Granary.Serialization.Tests;

public sealed class VersionToleranceTests
{
    public VersionToleranceTests() => TestCodecs.EnsureRegistered();

    [Fact]
    public void An_old_reader_ignores_fields_a_newer_writer_added()
    {
        RoundTrip.Check<(string?, int, string?, string[]?)>(v =>
        {
            var (name, age, email, tags) = v;
            var v1 = Read(new PersonV1Codec(), Write(new PersonV2Codec(), new PersonV2(name, age, email, tags is null ? null : [.. tags])));
            return v1 == new PersonV1(name, age);
        });
    }

    [Fact]
    public void A_newer_reader_defaults_fields_an_old_writer_did_not_know()
    {
        RoundTrip.Check<(string?, int)>(v =>
        {
            var v2 = Read(new PersonV2Codec(), Write(new PersonV1Codec(), new PersonV1(v.Item1, v.Item2)));
            return v2.Name == v.Item1 && v2.Age == v.Item2 && v2.Email is null && v2.Tags is null;
        });
    }

    [Fact]
    public void Unknown_fields_of_every_wire_type_are_skipped_including_nested_objects()
    {
        var bytes = Write(new PersonV3Codec(), new PersonV1("Ada", 36));
        Assert.Equal(new PersonV1("Ada", 36), Read(new PersonV1Codec(), bytes));
        Assert.Equal(36, Read(new PersonV2Codec(), bytes).Age);
    }

    [Fact]
    public void A_newer_value_nested_in_a_collection_is_read_by_an_old_reader()
    {
        using var writer = new GranaryWriter();
        writer.WriteStartObject(0);
        writer.WriteFieldHeader(0, WireType.VarInt);
        writer.WriteVarUInt32(2);
        new PersonV3Codec().WriteField(writer, 1, new PersonV1("a", 1));
        new PersonV2Codec().WriteField(writer, 1, new PersonV2("b", 2, "b@x", ["t"]));
        writer.WriteEndObject();
        Assert.Equal([new PersonV1("a", 1), new PersonV1("b", 2)], Serializer.Deserialize<List<PersonV1>>(writer.ToArray()));
    }

    [Fact]
    public void Adding_nullable_to_a_member_is_wire_compatible()
    {
        RoundTrip.Check<int>(v => Serializer.Deserialize<int?>(Serializer.Serialize(v)) == v);
        RoundTrip.Check<Guid>(v => Serializer.Deserialize<Guid>(Serializer.Serialize<Guid?>(v)) == v);
    }

    [Fact]
    public void Collections_read_across_their_declared_shapes()
    {
        var bytes = Serializer.Serialize(new List<int> { 1, 2, 3 });
        Assert.Equal([1, 2, 3], Serializer.Deserialize<int[]>(bytes));
        Assert.Equal([1, 2, 3], Serializer.Deserialize<IReadOnlyList<int>>(bytes));
        Assert.True(Serializer.Deserialize<HashSet<int>>(bytes).SetEquals([1, 2, 3]));
    }

    private static byte[] Write<T>(ObjectCodec<T> codec, T value) where T : class
    {
        using var writer = new GranaryWriter();
        codec.WriteField(writer, 0, value);
        return writer.ToArray();
    }

    private static T Read<T>(ObjectCodec<T> codec, byte[] bytes) where T : class
    {
        var reader = new GranaryReader(bytes);
        var value = codec.ReadValue(reader, reader.ReadFieldHeader().WireType);
        Assert.True(reader.IsAtEnd);
        return value;
    }
}
