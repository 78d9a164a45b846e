using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;

namespace Granary.Serialization.Tests;

/// <summary>Hostile or corrupt bytes must fail with a wire-format error: no other exception, no hang, no stack overflow.</summary>
public sealed class MalformedInputTests
{
    private static readonly Func<byte[], object?>[] Readers =
    [
        bytes => Serializer.Deserialize<int>(bytes),
        bytes => Serializer.Deserialize<string>(bytes),
        bytes => Serializer.Deserialize<decimal>(bytes),
        bytes => Serializer.Deserialize<DateTime>(bytes),
        bytes => Serializer.Deserialize<DateTimeOffset>(bytes),
        bytes => Serializer.Deserialize<DateOnly>(bytes),
        bytes => Serializer.Deserialize<TimeOnly>(bytes),
        bytes => Serializer.Deserialize<Uri>(bytes),
        bytes => Serializer.Deserialize<Guid?>(bytes),
        bytes => Serializer.Deserialize<IntEnum>(bytes),
        bytes => Serializer.Deserialize<List<int>>(bytes),
        bytes => Serializer.Deserialize<string[]>(bytes),
        bytes => Serializer.Deserialize<ImmutableArray<long>>(bytes),
        bytes => Serializer.Deserialize<Dictionary<string, List<int>>>(bytes),
        bytes => Serializer.Deserialize<ImmutableDictionary<int, string>>(bytes),
        bytes => Serializer.Deserialize<HashSet<Guid>>(bytes),
        bytes => Serializer.Deserialize<(int, string, double)>(bytes),
        bytes => Serializer.Deserialize<object>(bytes),
        bytes => Serializer.Deserialize<List<object>>(bytes),
        bytes => Serializer.Deserialize<Exception>(bytes),
        bytes => Serializer.Deserialize<PersonV2>(bytes),
        bytes => Serializer.Deserialize<Animal>(bytes),
        bytes => Serializer.Deserialize<ISerializedGrain>(bytes, new FakeReferenceFactory()),
    ];

    public MalformedInputTests() => TestCodecs.EnsureRegistered();

    [Fact]
    public void Random_bytes_fail_only_with_wire_format_errors()
    {
        RoundTrip.Check<byte[]>(bytes => Readers.All(read => FailsCleanly(read, bytes ?? [])), maxTests: 1000);
    }

    [Fact]
    public void Corrupted_valid_messages_fail_only_with_wire_format_errors()
    {
        var samples = Samples();
        var mutations =
            from sample in Gen.Elements(samples)
            from position in Gen.Choose(0, sample.Length - 1)
            from value in ArbMap.Default.GeneratorFor<byte>()
            select Mutate(sample, position, value);
        RoundTrip.Check(mutations.ToArbitrary(), bytes => Readers.All(read => FailsCleanly(read, bytes)), maxTests: 2000);
    }

    [Fact]
    public void Every_truncation_of_a_valid_message_is_a_wire_format_error()
    {
        foreach (var sample in Samples())
        {
            for (var length = 0; length < sample.Length; length++)
            {
                var prefix = sample[..length];
                Assert.Throws<WireFormatException>(() => Serializer.Deserialize<object>(prefix));
            }
        }
    }

    [Theory]
    [InlineData(new byte[] { 0x03, 0xFF, 0xFF, 0xFF, 0xFF, 0x07 })]
    [InlineData(new byte[] { 0x03, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F })]
    [InlineData(new byte[] { 0x03, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 })]
    [InlineData(new byte[] { 0x03, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 })]
    [InlineData(new byte[] { 0x04, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0x05 })]
    [InlineData(new byte[] { 0x04, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0x05 })]
    [InlineData(new byte[] { 0x07, 0xFF, 0xFF, 0xFF, 0xFF, 0x07 })]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 })]
    public void Absurd_lengths_and_counts_are_rejected_without_allocating(byte[] bytes)
    {
        foreach (var read in Readers) Assert.True(FailsCleanly(read, bytes));
        Assert.Throws<WireFormatException>(() => Serializer.Deserialize<string>(bytes));
    }

    [Fact]
    public void Counts_that_disagree_with_the_items_are_rejected()
    {
        byte[] tooFew = [0x04, 0x00, 0x03, 0x08, 0x02, 0x05];
        byte[] tooMany = [0x04, 0x00, 0x01, 0x08, 0x02, 0x08, 0x04, 0x05];
        Assert.Throws<WireFormatException>(() => Serializer.Deserialize<int[]>(tooFew));
        Assert.Throws<WireFormatException>(() => Serializer.Deserialize<List<int>>(tooMany));
    }

    [Fact]
    public void Repeated_or_null_dictionary_keys_are_rejected()
    {
        using var writer = new GranaryWriter();
        writer.WriteStartObject(0);
        writer.WriteFieldHeader(0, WireType.VarInt);
        writer.WriteVarUInt32(2);
        for (var i = 0; i < 2; i++)
        {
            Codecs.Get<string>().WriteField(writer, 1, "same");
            Codecs.Get<int>().WriteField(writer, 2, i);
        }

        writer.WriteEndObject();
        Assert.Throws<WireFormatException>(() => Serializer.Deserialize<Dictionary<string, int>>(writer.ToArray()));
        byte[] nullKey = [0x04, 0x00, 0x01, 0x0E, 0x10, 0x02, 0x05];
        Assert.Throws<WireFormatException>(() => Serializer.Deserialize<Dictionary<string, int>>(nullKey));
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_rejected()
    {
        object nested = new List<object?>();
        for (var i = 0; i < GranaryReader.MaxDepth + 5; i++) nested = new List<object?> { nested };
        var bytes = Serializer.Serialize(nested);
        Assert.Throws<WireFormatException>(() => Serializer.Deserialize<object>(bytes));

        // Hostile depth far beyond any stack: a million unknown nested objects inside a known type.
        var hostile = new List<byte> { 0x04 };
        for (var i = 0; i < 1_000_000; i++) hostile.Add(0x4C);
        var hostileBytes = hostile.ToArray();
        foreach (var read in Readers) Assert.True(FailsCleanly(read, hostileBytes));
    }

    [Fact]
    public void Trailing_bytes_after_the_value_are_rejected()
    {
        byte[] bytes = [.. Serializer.Serialize(5), 0x00];
        Assert.Throws<WireFormatException>(() => Serializer.Deserialize<int>(bytes));
    }

    private static byte[][] Samples() =>
    [
        Serializer.Serialize<object>(new Dictionary<string, List<int>> { ["a"] = [1, 2], ["b"] = [] }),
        Serializer.Serialize<object>(new List<object?> { 1, "two", null, 3.5m, Guid.NewGuid(), new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(2)) }),
        Serializer.Serialize<object>(new PersonV2("Ada", 36, "ada@example.com", ["x", "y"])),
        Serializer.Serialize<object>(new InvalidOperationException("boom", new ArgumentException("inner"))),
        Serializer.Serialize<object>((1, "two", 3.0)),
        Serializer.Serialize<object>(new Dog { Name = "Rex", Barks = 2 }),
        Serializer.Serialize<object>(ImmutableDictionary<int, string>.Empty.Add(1, "one")),
    ];

    private static byte[] Mutate(byte[] sample, int position, byte value)
    {
        var copy = (byte[])sample.Clone();
        copy[position] = value;
        return copy;
    }

    private static bool FailsCleanly(Func<byte[], object?> read, byte[] bytes)
    {
        try
        {
            read(bytes);
            return true;
        }
        catch (Exception failure) when (failure is WireFormatException or SerializerNotFoundException)
        {
            return true;
        }
    }
}
