namespace Granary.Serialization.Tests;

public sealed class PolymorphicTests
{
    public PolymorphicTests() => TestCodecs.EnsureRegistered();

    public static TheoryData<object?> Values() =>
    [
        null, 42, -7L, "text", 3.5, true, Guid.Empty, IntEnum.Negative, new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc),
        new List<int> { 1, 2 }, new[] { "a", "b" }, new Dictionary<string, int> { ["x"] = 1 }, (1, "two"),
        new KeyValuePair<int, string>(1, "one"), (int?)5, Array.Empty<byte>(),
    ];

    [Theory]
    [MemberData(nameof(Values))]
    public void Values_under_object_keep_their_type_and_value(object? value)
    {
        var copy = RoundTrip.Of<object?>(value);
        if (value is null)
        {
            Assert.Null(copy);
            return;
        }

        Assert.IsType(value.GetType(), copy);
        Assert.Equal(value, copy);
    }

    [Fact]
    public void Generated_values_under_object_round_trip()
    {
        RoundTrip.Check<int>(v => (int)RoundTrip.Of<object>(v) == v);
        RoundTrip.Check<string>(v => (string?)RoundTrip.Of<object?>(v) == v);
        RoundTrip.Check<long[]>(v => ((long[])RoundTrip.Of<object>(v)).SequenceEqual(v));
    }

    [Fact]
    public void Collections_of_object_hold_mixed_values()
    {
        List<object?> mixed = [1, "two", null, new List<object?> { 3.0, new Dog { Name = "Rex", Barks = 2 } }, IntEnum.Big];
        var copy = RoundTrip.Of(mixed);
        Assert.Equal(1, copy[0]);
        Assert.Equal("two", copy[1]);
        Assert.Null(copy[2]);
        var inner = Assert.IsType<List<object?>>(copy[3]);
        Assert.Equal(3.0, inner[0]);
        Assert.Equal(2, Assert.IsType<Dog>(inner[1]).Barks);
        Assert.Equal(IntEnum.Big, copy[4]);
    }

    [Fact]
    public void A_derived_value_under_its_base_type_reads_back_as_the_derived_type()
    {
        var dog = Assert.IsType<Dog>(RoundTrip.Of<Animal>(new Dog { Name = "Rex", Barks = 4 }));
        Assert.Equal(("Rex", 4), (dog.Name, dog.Barks));
        var list = RoundTrip.Of(new List<Animal> { new() { Name = "cat" }, new Dog { Name = "dog", Barks = 1 } });
        Assert.IsType<Animal>(list[0]);
        Assert.IsType<Dog>(list[1]);
    }

    [Fact]
    public void Interface_and_abstract_declared_values_are_written_with_their_type()
    {
        var comparable = RoundTrip.AsField<IComparable>(12.5m);
        Assert.Equal(12.5m, comparable);
        var dog = RoundTrip.AsField<object>(new Dog { Name = "Rex" });
        Assert.Equal("Rex", Assert.IsType<Dog>(dog).Name);
    }

    [Fact]
    public void A_type_without_a_codec_reports_which_type()
    {
        var failure = Assert.Throws<SerializerNotFoundException>(() => Serializer.Serialize<object>(new MutableBox()));
        Assert.Contains(nameof(MutableBox), failure.Message, StringComparison.Ordinal);
    }
}
