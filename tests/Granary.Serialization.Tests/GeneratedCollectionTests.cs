using System.Collections.Immutable;

namespace Granary.Serialization.Tests.Generated;

[GenerateSerializer]
public sealed class Catalog
{
    [Id(0)] public List<PostalAddress> Warehouses { get; set; } = [];
    [Id(1)] public Dictionary<string, Money> Prices { get; set; } = [];
    [Id(2)] public Shape[]? Shapes { get; set; }
    [Id(3)] public ImmutableArray<Coordinates> Route { get; set; } = [];
    [Id(4)] public List<Catalog>? Children { get; set; }
}

public sealed class GeneratedCollectionTests
{
    [Fact]
    public void CollectionsOfGeneratedTypesRoundTrip()
    {
        var catalog = new Catalog
        {
            Warehouses = [new PostalAddress("1 Dock Rd", "Hull"), new PostalAddress("2 Quay", "Leith", 99)],
            Prices = new() { ["apple"] = new Money(0.5m, "GBP"), ["pear"] = new Money(0.75m, "GBP") },
            Shapes = [new Circle { Label = "c", Radius = 1 }, new Ring { Label = "r", Radius = 2, Inner = 1 }],
            Route = [new Coordinates("a") { Latitude = 1, Longitude = 2 }, new Coordinates("b") { Latitude = 3, Longitude = 4 }],
            Children = [new Catalog { Warehouses = [new PostalAddress("3 Pier", "Dover")] }],
        };

        var copy = GeneratedWire.RoundTrip(catalog);

        Assert.Equal(catalog.Warehouses, copy.Warehouses);
        Assert.Equal(catalog.Prices, copy.Prices);
        Assert.Collection(
            copy.Shapes!,
            first => Assert.Equal(1, Assert.IsType<Circle>(first).Radius),
            second => Assert.Equal(1, Assert.IsType<Ring>(second).Inner));
        Assert.Equal(["a", "b"], copy.Route.Select(c => c.Label));
        Assert.Equal(catalog.Children[0].Warehouses, Assert.Single(copy.Children!).Warehouses);
    }

    [Fact]
    public void EmptyAndNullCollectionsRoundTrip()
    {
        var copy = GeneratedWire.RoundTrip(new Catalog());

        Assert.Empty(copy.Warehouses);
        Assert.Empty(copy.Prices);
        Assert.Null(copy.Shapes);
        Assert.Null(copy.Children);
    }
}
