using System.Collections.Immutable;

namespace Granary.Serialization.Tests;

/// <summary>The exact bytes of the built-in encodings: the code generator and other processes depend on them.</summary>
public sealed class WireEncodingTests
{
    // Field 0 headers: VarInt 0x00, Fixed32 0x01, Fixed64 0x02, LengthPrefixed 0x03, StartObject 0x04, EndObject 0x05, Null 0x06.
    [Fact]
    public void Integers_are_varints_signed_ones_zig_zag()
    {
        Assert.Equal([0x00, 0x01], Serializer.Serialize(true));
        Assert.Equal([0x00, 0x00], Serializer.Serialize(false));
        Assert.Equal([0x00, 0xFF, 0x01], Serializer.Serialize((byte)255));
        Assert.Equal([0x00, 0x01], Serializer.Serialize(-1));
        Assert.Equal([0x00, 0x02], Serializer.Serialize(1));
        Assert.Equal([0x00, 0x01], Serializer.Serialize((sbyte)-1));
        Assert.Equal([0x00, 0x03], Serializer.Serialize(-2L));
        Assert.Equal([0x00, 0xAC, 0x02], Serializer.Serialize(300u));
        Assert.Equal([0x00, 0x41], Serializer.Serialize('A'));
        Assert.Equal([0x00, 0x09], Serializer.Serialize(IntEnum.Negative));
    }

    [Fact]
    public void Floating_point_values_are_fixed_width_bits()
    {
        Assert.Equal([0x01, 0x00, 0x00, 0x80, 0x3F], Serializer.Serialize(1.0f));
        Assert.Equal([0x02, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F], Serializer.Serialize(1.0));
        byte[] expectedDecimal = [0x03, 16, 0x0F, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x80];
        Assert.Equal(expectedDecimal, Serializer.Serialize(-1.5m));
    }

    [Fact]
    public void Strings_and_bytes_are_length_prefixed_and_null_is_a_header()
    {
        Assert.Equal([0x03, 0x02, (byte)'h', (byte)'i'], Serializer.Serialize("hi"));
        Assert.Equal([0x03, 0x00], Serializer.Serialize(""));
        Assert.Equal([0x06], Serializer.Serialize<string?>(null));
        Assert.Equal([0x03, 0x02, 0xC3, 0xA9], Serializer.Serialize("é"));
        Assert.Equal([0x03, 0x02, 0x01, 0x02], Serializer.Serialize(new byte[] { 1, 2 }));
        Assert.Equal([0x06], Serializer.Serialize<byte[]?>(null));
        Assert.Equal([0x06], Serializer.Serialize<int?>(null));
        Assert.Equal([0x00, 0x0E], Serializer.Serialize<int?>(7));
    }

    [Fact]
    public void Guids_times_and_uris_have_fixed_layouts()
    {
        var guid = Guid.NewGuid();
        Assert.Equal([0x03, 16, .. guid.ToByteArray()], Serializer.Serialize(guid));
        var time = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        Assert.Equal([0x02, .. BitConverter.GetBytes(time.ToBinary())], Serializer.Serialize(time));
        var offset = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromMinutes(-90));
        Assert.Equal([0x03, 10, .. BitConverter.GetBytes(offset.Ticks), .. BitConverter.GetBytes((short)-90)], Serializer.Serialize(offset));
        Assert.Equal([0x00, 0x03], Serializer.Serialize(TimeSpan.FromTicks(-2)));
        Assert.Equal([0x00, 0x05], Serializer.Serialize(DateOnly.FromDayNumber(5)));
        Assert.Equal([0x00, 0x0A], Serializer.Serialize(new TimeOnly(10)));
        Assert.Equal([0x03, 0x03, (byte)'a', (byte)'/', (byte)'b'], Serializer.Serialize(new Uri("a/b", UriKind.Relative)));
    }

    [Fact]
    public void Collections_are_objects_with_a_count_then_items_as_field_one()
    {
        byte[] list = [0x04, 0x00, 0x02, 0x08, 0x02, 0x08, 0x04, 0x05];
        Assert.Equal(list, Serializer.Serialize(new List<int> { 1, 2 }));
        Assert.Equal(list, Serializer.Serialize(new[] { 1, 2 }));
        Assert.Equal(list, Serializer.Serialize(ImmutableArray.Create(1, 2)));
        Assert.Equal(list, RoundTripBytes<IReadOnlyList<int>>(new[] { 1, 2 }));
        Assert.Equal([0x04, 0x00, 0x00, 0x05], Serializer.Serialize(new HashSet<string>()));
        Assert.Equal([0x06], Serializer.Serialize<List<int>?>(null));
    }

    [Fact]
    public void Dictionaries_pairs_and_tuples_number_their_parts()
    {
        byte[] dictionary = [0x04, 0x00, 0x01, 0x0B, 0x01, (byte)'k', 0x10, 0x02, 0x05];
        Assert.Equal(dictionary, Serializer.Serialize(new Dictionary<string, int> { ["k"] = 1 }));
        Assert.Equal([0x04, 0x0B, 0x01, (byte)'k', 0x10, 0x02, 0x05], Serializer.Serialize(new KeyValuePair<string, int>("k", 1)));
        Assert.Equal([0x04, 0x08, 0x02, 0x10, 0x04, 0x18, 0x06, 0x20, 0x08, 0x05], Serializer.Serialize((1, 2, 3, 4)));
    }

    [Fact]
    public void Typed_objects_name_the_runtime_type()
    {
        var bytes = Serializer.Serialize<object>(5);
        var name = "System.Int32, System.Private.CoreLib"u8.ToArray();
        Assert.Equal([0x07, (byte)name.Length, .. name, 0x00, 0x0A, 0x05], bytes);
    }

    [Fact]
    public void Exceptions_carry_their_type_inside_the_object_instead_of_a_typed_wrapper()
    {
        var bytes = Serializer.Serialize<Exception>(new InvalidOperationException("no"));
        Assert.Equal(0x04, bytes[0]);
        var name = "System.InvalidOperationException, System.Private.CoreLib"u8.ToArray();
        Assert.Equal([0x0B, (byte)name.Length, .. name], bytes[1..(3 + name.Length)]);
    }

    private static byte[] RoundTripBytes<T>(T value)
    {
        using var writer = new GranaryWriter();
        Codecs.Get<T>().WriteField(writer, 0, value);
        return writer.ToArray();
    }
}
