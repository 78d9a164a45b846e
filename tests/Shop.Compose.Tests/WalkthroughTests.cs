using Shop.Compose.Tests.Harness;

namespace Shop.Compose.Tests;

/// <summary>The README's walkthrough against the compose stack: API in a container, two silos, PostgreSQL.</summary>
[Collection(ComposeCollection.Name)]
public sealed class WalkthroughTests(ComposeFixture fixture, ITestOutputHelper output)
{
    [ComposeFact]
    public async Task The_walkthrough_confirms_an_order_on_the_compose_stack()
    {
        using var http = new HttpClient { BaseAddress = fixture.Stack.ApiAddress };
        var shop = new ShopClient(http);
        var sku = $"TEA-{Guid.NewGuid():N}"[..12];

        var user = await shop.CreateUserAsync("Ann");
        var wallet = await shop.DepositAsync(user, 50m);
        Assert.Equal(50m, wallet.GetProperty("balance").GetDecimal());
        await shop.PutProductAsync(sku, 4.50m);
        var stock = await shop.AddStockAsync(sku, 10);
        Assert.Equal(10, stock.GetProperty("available").GetInt32());
        var placed = await shop.PlaceOrderAsync(user, sku, 3);
        var orderId = placed.GetProperty("id").GetGuid();

        var status = placed.GetProperty("status").GetString();
        for (var i = 0; status == "Pending" && i < 100; i++)
        {
            await Task.Delay(100);
            status = (await shop.OrderAsync(orderId)).GetProperty("status").GetString();
        }

        Assert.Equal("Confirmed", status);
        Assert.Equal(13.50m, (await shop.OrderAsync(orderId)).GetProperty("total").GetDecimal());
        Assert.Equal(7, (await shop.ProductAsync(sku)).GetProperty("available").GetInt32());
        Assert.Equal(36.50m, (await shop.WalletAsync(user)).GetProperty("balance").GetDecimal());
        Assert.Equal(0, shop.Retries);
        output.WriteLine($"images {fixture.Stack.ImageBuildTime.TotalSeconds:F0} s, stack up {fixture.Stack.StartTime.TotalSeconds:F0} s");
    }
}
