using FsCheck.Fluent;

namespace Granary.Serialization.Tests;

public sealed class PrimitiveRoundTripTests
{
    [Fact]
    public void Integers_round_trip()
    {
        RoundTrip.Check<bool>(v => RoundTrip.Of(v) == v);
        RoundTrip.Check<byte>(v => RoundTrip.Of(v) == v);
        RoundTrip.Check<sbyte>(v => RoundTrip.Of(v) == v);
        RoundTrip.Check<short>(v => RoundTrip.Of(v) == v);
        RoundTrip.Check<ushort>(v => RoundTrip.Of(v) == v);
        RoundTrip.Check<int>(v => RoundTrip.Of(v) == v);
        RoundTrip.Check<uint>(v => RoundTrip.Of(v) == v);
        RoundTrip.Check<long>(v => RoundTrip.Of(v) == v);
        RoundTrip.Check<ulong>(v => RoundTrip.Of(v) == v);
        RoundTrip.Check<char>(v => RoundTrip.Of(v) == v);
    }

    [Theory]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    [InlineData(-1L)]
    [InlineData(0L)]
    public void Integer_extremes_round_trip(long value)
    {
        Assert.Equal(value, RoundTrip.Of(value));
        Assert.Equal((int)value, RoundTrip.Of((int)value));
        Assert.Equal((short)value, RoundTrip.Of((short)value));
        Assert.Equal((sbyte)value, RoundTrip.Of((sbyte)value));
        Assert.Equal((ulong)value, RoundTrip.Of((ulong)value));
        Assert.Equal((uint)value, RoundTrip.Of((uint)value));
        Assert.Equal((ushort)value, RoundTrip.Of((ushort)value));
        Assert.Equal((byte)value, RoundTrip.Of((byte)value));
        Assert.Equal(char.MaxValue, RoundTrip.Of(char.MaxValue));
    }

    [Fact]
    public void Floating_point_round_trips_bit_for_bit()
    {
        RoundTrip.Check<double>(v => BitConverter.DoubleToInt64Bits(RoundTrip.Of(v)) == BitConverter.DoubleToInt64Bits(v));
        RoundTrip.Check<float>(v => BitConverter.SingleToInt32Bits(RoundTrip.Of(v)) == BitConverter.SingleToInt32Bits(v));
        double[] doubles = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, -0.0, double.MaxValue, double.MinValue];
        foreach (var value in doubles) Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(RoundTrip.Of(value)));
        float[] floats = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, -0.0f, float.MaxValue, float.MinValue];
        foreach (var value in floats) Assert.Equal(BitConverter.SingleToInt32Bits(value), BitConverter.SingleToInt32Bits(RoundTrip.Of(value)));
    }

    [Fact]
    public void Decimals_round_trip_with_their_scale()
    {
        RoundTrip.Check<decimal>(v => RoundTrip.Of(v) == v && RoundTrip.Of(v).Scale == v.Scale);
        decimal[] values = [decimal.MaxValue, decimal.MinValue, 0m, -0.0000000000000000000000000001m, 1.000m];
        foreach (var value in values) Assert.Equal(decimal.GetBits(value), decimal.GetBits(RoundTrip.Of(value)));
    }

    [Fact]
    public void Strings_round_trip_including_null_empty_and_unicode()
    {
        RoundTrip.Check<string?>(v => RoundTrip.Of(v) == v);
        string?[] values = [null, "", "héllo wörld", "日本語テキスト", "emoji 😀👍🏽", new string('x', 10_000), "\0embedded\0nul"];
        foreach (var value in values) Assert.Equal(value, RoundTrip.Of(value));
    }

    [Fact]
    public void Byte_arrays_round_trip()
    {
        RoundTrip.Check<byte[]?>(v => v is null ? RoundTrip.Of(v) is null : RoundTrip.Of(v).AsSpan().SequenceEqual(v));
        Assert.Empty(RoundTrip.Of(Array.Empty<byte>()));
    }

    [Fact]
    public void Guids_and_uris_round_trip()
    {
        RoundTrip.Check<Guid>(v => RoundTrip.Of(v) == v);
        Uri?[] uris = [null, new("https://example.com/a?b=c#d"), new("relative/path", UriKind.Relative), new("http://xn--nxasmq6b.com/ü")];
        foreach (var uri in uris) Assert.Equal(uri?.OriginalString, RoundTrip.Of(uri)?.OriginalString);
    }

    [Fact]
    public void Times_round_trip()
    {
        RoundTrip.Check<DateTime>(v => RoundTrip.Of(v) == v && RoundTrip.Of(v).Kind == v.Kind);
        RoundTrip.Check<DateTimeOffset>(v => RoundTrip.Of(v) == v && RoundTrip.Of(v).Offset == v.Offset);
        RoundTrip.Check<TimeSpan>(v => RoundTrip.Of(v) == v);
        RoundTrip.Check<DateOnly>(v => RoundTrip.Of(v) == v);
        RoundTrip.Check<TimeOnly>(v => RoundTrip.Of(v) == v);
        Assert.Equal(DateTime.MaxValue, RoundTrip.Of(DateTime.MaxValue));
        Assert.Equal(DateTimeOffset.MinValue, RoundTrip.Of(DateTimeOffset.MinValue));
        var offset = new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.FromHours(-14));
        Assert.Equal(offset.Offset, RoundTrip.Of(offset).Offset);
        Assert.Equal(TimeSpan.MinValue, RoundTrip.Of(TimeSpan.MinValue));
        Assert.Equal(DateOnly.MaxValue, RoundTrip.Of(DateOnly.MaxValue));
        Assert.Equal(TimeOnly.MaxValue, RoundTrip.Of(TimeOnly.MaxValue));
    }

    [Fact]
    public void Nullable_values_round_trip()
    {
        RoundTrip.Check<int?>(v => RoundTrip.Of(v) == v);
        RoundTrip.Check<Guid?>(v => RoundTrip.Of(v) == v);
        RoundTrip.Check<DateTime?>(v => RoundTrip.Of(v) == v);
    }
}
