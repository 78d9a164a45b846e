namespace Granary.Serialization.Tests.Generated;

// Two versions of one contract, as an old and a new deployment would compile it.
[GenerateSerializer]
public sealed class ProfileV1
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public int Age { get; set; }
}

[GenerateSerializer]
public sealed class ProfileV2
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public int Age { get; set; }
    [Id(2)] public string Email { get; set; } = "unknown@example.com";
    [Id(3)] public List<PostalAddress>? Addresses { get; set; }
    [Id(4)] public Coordinates Location { get; set; }
}

[GenerateSerializer]
public sealed record TicketV1([property: Id(0)] string Title);

[GenerateSerializer]
public sealed record TicketV2([property: Id(0)] string Title, [property: Id(1)] int Priority = 3, [property: Id(2)] Tier Tier = Tier.Silver);

[GenerateSerializer]
public class AccountBaseV1
{
    [Id(0)] public string Owner { get; set; } = "";
}

[GenerateSerializer]
public sealed class AccountV1 : AccountBaseV1
{
    [Id(0)] public decimal Balance { get; set; }
}

[GenerateSerializer]
public class AccountBaseV2
{
    [Id(0)] public string Owner { get; set; } = "";
    [Id(1)] public DateTime OpenedOn { get; set; } = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
}

[GenerateSerializer]
public sealed class AccountV2 : AccountBaseV2
{
    [Id(0)] public decimal Balance { get; set; }
    [Id(1)] public string Currency { get; set; } = "EUR";
}

public sealed class GeneratedVersionToleranceTests
{
    [Fact]
    public void OldReaderSkipsFieldsANewerWriterAdded()
    {
        var v2 = new ProfileV2
        {
            Name = "Grace",
            Age = 85,
            Email = "grace@example.com",
            Addresses = [new PostalAddress("1 Navy Way", "Arlington")],
            Location = new Coordinates("desk") { Latitude = 1, Longitude = 2 },
        };

        var v1 = Reinterpret<ProfileV2, ProfileV1>(v2);

        Assert.Equal("Grace", v1.Name);
        Assert.Equal(85, v1.Age);
    }

    [Fact]
    public void SkippedFieldsLeaveTheReaderAtTheNextValue()
    {
        using var writer = new GranaryWriter();
        Codecs.Get<ProfileV2>().WriteField(writer, 0, new ProfileV2 { Name = "x", Addresses = [new PostalAddress("s", "c")] });
        Codecs.Get<string>().WriteField(writer, 1, "after");
        var reader = new GranaryReader(writer.ToArray());

        var first = reader.ReadFieldHeader();
        Codecs.Get<ProfileV1>().ReadValue(reader, first.WireType);
        var second = reader.ReadFieldHeader();

        Assert.Equal(1u, second.Id);
        Assert.Equal("after", Codecs.Get<string>().ReadValue(reader, second.WireType));
    }

    [Fact]
    public void NewReaderGivesMissingMembersTheirDefaults()
    {
        var v2 = Reinterpret<ProfileV1, ProfileV2>(new ProfileV1 { Name = "Alan", Age = 41 });

        Assert.Equal("Alan", v2.Name);
        Assert.Equal(41, v2.Age);
        Assert.Equal("unknown@example.com", v2.Email);
        Assert.Null(v2.Addresses);
        Assert.Equal(default, v2.Location);
    }

    [Fact]
    public void RecordsVersionBothWays()
    {
        var newer = Reinterpret<TicketV1, TicketV2>(new TicketV1("disk full"));
        var older = Reinterpret<TicketV2, TicketV1>(new TicketV2("cpu hot", 1, Tier.Gold));

        Assert.Equal(new TicketV2("disk full"), newer);
        Assert.Equal(3, newer.Priority);
        Assert.Equal(Tier.Silver, newer.Tier);
        Assert.Equal(new TicketV1("cpu hot"), older);
    }

    [Fact]
    public void EachLevelOfAHierarchyVersionsIndependently()
    {
        var newer = Reinterpret<AccountV1, AccountV2>(new AccountV1 { Owner = "Linus", Balance = 10m });
        var older = Reinterpret<AccountV2, AccountV1>(new AccountV2 { Owner = "Ken", Balance = 5m, Currency = "USD", OpenedOn = DateTime.UnixEpoch });

        Assert.Equal("Linus", newer.Owner);
        Assert.Equal(10m, newer.Balance);
        Assert.Equal("EUR", newer.Currency);
        Assert.Equal(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), newer.OpenedOn);
        Assert.Equal("Ken", older.Owner);
        Assert.Equal(5m, older.Balance);
    }

    /// <summary>Writes with one version's codec and reads with the other's, as two deployments would.</summary>
    private static TTo Reinterpret<TFrom, TTo>(TFrom value)
    {
        using var writer = new GranaryWriter();
        Codecs.Get<TFrom>().WriteField(writer, 0, value);
        var reader = new GranaryReader(writer.ToArray());
        var field = reader.ReadFieldHeader();
        var result = Codecs.Get<TTo>().ReadValue(reader, field.WireType);
        Assert.True(reader.IsAtEnd);
        return result;
    }
}
