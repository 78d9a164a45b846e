namespace Granary.Serialization.Tests;

public sealed class EnumRoundTripTests
{
    [Fact]
    public void Enums_of_every_underlying_type_round_trip()
    {
        foreach (var value in Enum.GetValues<SByteEnum>()) Assert.Equal(value, RoundTrip.Of(value));
        foreach (var value in Enum.GetValues<ByteEnum>()) Assert.Equal(value, RoundTrip.Of(value));
        foreach (var value in Enum.GetValues<ShortEnum>()) Assert.Equal(value, RoundTrip.Of(value));
        foreach (var value in Enum.GetValues<UShortEnum>()) Assert.Equal(value, RoundTrip.Of(value));
        foreach (var value in Enum.GetValues<IntEnum>()) Assert.Equal(value, RoundTrip.Of(value));
        foreach (var value in Enum.GetValues<UIntEnum>()) Assert.Equal(value, RoundTrip.Of(value));
        foreach (var value in Enum.GetValues<LongEnum>()) Assert.Equal(value, RoundTrip.Of(value));
        foreach (var value in Enum.GetValues<ULongEnum>()) Assert.Equal(value, RoundTrip.Of(value));
    }

    [Fact]
    public void Undefined_and_combined_values_round_trip()
    {
        RoundTrip.Check<int>(raw => RoundTrip.Of((IntEnum)raw) == (IntEnum)raw);
        RoundTrip.Check<ulong>(raw => RoundTrip.Of((ULongEnum)raw) == (ULongEnum)raw);
        Assert.Equal(Permissions.Read | Permissions.Admin, RoundTrip.Of(Permissions.Read | Permissions.Admin));
        Assert.Equal((IntEnum?)null, RoundTrip.Of((IntEnum?)null));
        Assert.Equal(IntEnum.Negative, RoundTrip.Of((IntEnum?)IntEnum.Negative));
    }

    [Fact]
    public void An_enum_is_wire_compatible_with_its_underlying_value_as_a_long()
    {
        Assert.Equal(Serializer.Serialize(-5L), Serializer.Serialize(IntEnum.Negative));
        Assert.Equal(Serializer.Serialize((long)uint.MaxValue), Serializer.Serialize(UIntEnum.Max));
        Assert.Equal(IntEnum.Negative, Serializer.Deserialize<IntEnum>(Serializer.Serialize(-5)));
    }
}
