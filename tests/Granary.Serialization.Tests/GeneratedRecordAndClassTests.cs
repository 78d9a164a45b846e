namespace Granary.Serialization.Tests.Generated;

public enum Tier { Bronze, Silver, Gold }

[GenerateSerializer]
public sealed record PostalAddress([property: Id(0)] string Street, [Id(1)] string City, [property: Id(2)] int? Zip = null);

[GenerateSerializer]
public sealed class Customer
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public Guid Key { get; init; }
    [Id(2)] public Tier Tier { get; set; }
    [Id(3)] public PostalAddress? Home { get; set; }
    [Id(4)] private int _points;
    [Id(5)] public DateTimeOffset? LastSeen { get; set; }
    [Id(6)] public string? Nickname;

    public int Points => _points;

    public void Earn(int points) => _points += points;
}

[GenerateSerializer]
public struct Coordinates
{
    [Id(0)] public double Latitude;
    [Id(1)] public double Longitude { get; set; }
    [Id(2)] private readonly string? _label;

    public Coordinates(string label) => _label = label;

    public readonly string? Label => _label;
}

[GenerateSerializer]
public readonly record struct Money([property: Id(0)] decimal Amount, [property: Id(1)] string Currency);

public sealed class GeneratedRecordAndClassTests
{
    [Fact]
    public void PositionalRecordRoundTrips()
    {
        var address = new PostalAddress("1 Main St", "Springfield", 12345);

        Assert.Equal(address, GeneratedWire.RoundTrip(address));
    }

    [Fact]
    public void PositionalRecordWithNullOptionalMemberRoundTrips()
    {
        var address = new PostalAddress("1 Main St", "Springfield");

        Assert.Equal(address, GeneratedWire.RoundTrip(address));
    }

    [Fact]
    public void ClassWithSettableInitOnlyPrivateAndNullableMembersRoundTrips()
    {
        var customer = new Customer
        {
            Name = "Ada",
            Key = Guid.NewGuid(),
            Tier = Tier.Gold,
            Home = new PostalAddress("2 Side St", "Shelbyville"),
            LastSeen = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)),
            Nickname = "countess",
        };
        customer.Earn(42);

        var copy = GeneratedWire.RoundTrip(customer);

        Assert.NotSame(customer, copy);
        Assert.Equal("Ada", copy.Name);
        Assert.Equal(customer.Key, copy.Key);
        Assert.Equal(Tier.Gold, copy.Tier);
        Assert.Equal(customer.Home, copy.Home);
        Assert.Equal(customer.LastSeen, copy.LastSeen);
        Assert.Equal("countess", copy.Nickname);
        Assert.Equal(42, copy.Points);
    }

    [Fact]
    public void NullMembersStayNull()
    {
        var copy = GeneratedWire.RoundTrip(new Customer { Name = "Bob" });

        Assert.Null(copy.Home);
        Assert.Null(copy.LastSeen);
        Assert.Null(copy.Nickname);
        Assert.Equal(Tier.Bronze, copy.Tier);
    }

    [Fact]
    public void StructWithFieldsPropertiesAndReadonlyPrivateFieldRoundTrips()
    {
        var point = new Coordinates("home") { Latitude = 51.5, Longitude = -0.12 };

        var copy = GeneratedWire.RoundTrip(point);

        Assert.Equal(51.5, copy.Latitude);
        Assert.Equal(-0.12, copy.Longitude);
        Assert.Equal("home", copy.Label);
    }

    [Fact]
    public void RecordStructRoundTrips()
    {
        var money = new Money(19.99m, "EUR");

        Assert.Equal(money, GeneratedWire.RoundTrip(money));
    }

    [Fact]
    public void NullableStructMemberRoundTripsThroughTheBuiltInNullableCodec()
    {
        Money? money = new Money(1m, "USD");

        Assert.Equal(money, GeneratedWire.RoundTrip(money));
        Assert.Null(GeneratedWire.RoundTrip<Money?>(null));
    }
}
