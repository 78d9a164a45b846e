namespace Granary.Serialization.Tests.Generated;

[GenerateSerializer]
public class LayoutBase
{
    [Id(0)] public int BaseValue { get; set; }
}

[GenerateSerializer]
public sealed class LayoutDerived : LayoutBase
{
    [Id(4)] public int OwnValue { get; set; }
}

/// <summary>Helpers for the generated-codec tests: one value as field 0, exactly as the brief's wire convention reads.</summary>
internal static class GeneratedWire
{
    public static byte[] Write<T>(T value)
    {
        using var writer = new GranaryWriter();
        Codecs.Get<T>().WriteField(writer, 0, value);
        return writer.ToArray();
    }

    public static T Read<T>(byte[] data)
    {
        var reader = new GranaryReader(data);
        var field = reader.ReadFieldHeader();
        Assert.Equal(0u, field.Id);
        var value = Codecs.Get<T>().ReadValue(reader, field.WireType);
        Assert.True(reader.IsAtEnd, "The codec must consume exactly the bytes it wrote.");
        return value;
    }

    public static T RoundTrip<T>(T value) => Read<T>(Write(value));
}

/// <summary>The generated layout: member [Id(n)] is wire field n + 1, the [GenerateSerializer] base is nested in field 0.</summary>
public sealed class GeneratedWireLayoutTests
{
    [Fact]
    public void MembersAreFieldIdPlusOneAndTheBaseIsNestedInFieldZero()
    {
        var reader = new GranaryReader(GeneratedWire.Write(new LayoutDerived { BaseValue = 7, OwnValue = 9 }));

        Assert.Equal(new Field(0, WireType.StartObject), reader.ReadFieldHeader());
        Assert.Equal(new Field(0, WireType.StartObject), reader.ReadFieldHeader());
        Assert.Equal(1u, reader.ReadFieldHeader().Id);
        Assert.Equal(7, Codecs.Get<int>().ReadValue(reader, WireType.VarInt));
        Assert.True(reader.ReadFieldHeader().IsEndObject);
        var own = reader.ReadFieldHeader();
        Assert.Equal(5u, own.Id);
        Assert.Equal(9, Codecs.Get<int>().ReadValue(reader, own.WireType));
        Assert.True(reader.ReadFieldHeader().IsEndObject);
        Assert.True(reader.IsAtEnd);
    }

    [Fact]
    public void NullReferencesTravelAsNull()
    {
        Assert.Null(GeneratedWire.RoundTrip<LayoutDerived?>(null));
    }
}
