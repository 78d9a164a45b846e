namespace Granary.Serialization.Tests.Generated;

[GenerateSerializer]
public abstract class Shape
{
    [Id(0)] public string Label { get; set; } = "";
}

[GenerateSerializer]
public class Circle : Shape
{
    [Id(0)] public double Radius { get; set; }
}

[GenerateSerializer]
public sealed class Ring : Circle
{
    // Ids restart per level: the base's members live in their own nested object.
    [Id(0)] public double Inner { get; set; }
}

[GenerateSerializer]
public abstract record DomainEvent([property: Id(0)] Guid EventId);

[GenerateSerializer]
public sealed record OrderPlaced(Guid EventId, [property: Id(0)] decimal Total) : DomainEvent(EventId);

public sealed class GeneratedInheritanceTests
{
    [Fact]
    public void DerivedClassRoundTripsItsOwnAndItsBaseMembers()
    {
        var ring = new Ring { Label = "washer", Radius = 2, Inner = 1 };

        var copy = GeneratedWire.RoundTrip(ring);

        Assert.Equal("washer", copy.Label);
        Assert.Equal(2, copy.Radius);
        Assert.Equal(1, copy.Inner);
    }

    [Fact]
    public void DerivedValueDeclaredAsItsBaseReadsBackAsTheDerivedType()
    {
        Shape shape = new Ring { Label = "polymorphic", Radius = 3, Inner = 2 };

        var copy = Assert.IsType<Ring>(GeneratedWire.RoundTrip(shape));

        Assert.Equal("polymorphic", copy.Label);
        Assert.Equal(3, copy.Radius);
        Assert.Equal(2, copy.Inner);
    }

    [Fact]
    public void DerivedPositionalRecordPassesBaseMembersThroughItsConstructor()
    {
        var placed = new OrderPlaced(Guid.NewGuid(), 99.5m);

        Assert.Equal(placed, GeneratedWire.RoundTrip(placed));
        Assert.Equal(placed, GeneratedWire.RoundTrip<DomainEvent>(placed));
    }
}
