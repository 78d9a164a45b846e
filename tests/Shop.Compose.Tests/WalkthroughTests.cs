using Shop.Compose.Tests.Harness;

namespace Shop.Compose.Tests;

/// <summary>
/// The README's walkthrough against the compose stack (API in a container, two silos, PostgreSQL, the Kafka stand-in):
/// the container smoke of the default test run.
/// </summary>
[Collection(ComposeCollection.Name)]
public sealed class WalkthroughTests(ComposeFixture fixture, ITestOutputHelper output)
{
    // A URL on the compose network that answers a POST with 2xx: the API's own liveness endpoint.
    private const string WebhookUrl = "http://api:8080/health/live";

    [ComposeSmokeFact]
    public async Task The_walkthrough_confirms_an_order_and_its_events_reach_the_webhook_through_kafka()
    {
        using var http = new HttpClient { BaseAddress = fixture.Stack.ApiAddress };
        var shop = new ShopClient(http);
        var sku = $"TEA-{Guid.NewGuid():N}"[..12];

        var user = await shop.CreateUserAsync("Ann");
        await shop.AddWebhookAsync(user, WebhookUrl);
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

        // The order's events went from the grain's outbox through Kafka to the user's NotificationGrain, which
        // delivered them to the webhook: the delivery log shows them once the consumer has read them.
        var delivered = await DeliveredEventsAsync(shop, user, TimeSpan.FromSeconds(60));
        Assert.Contains("OrderPlaced", delivered);
        Assert.Contains("OrderConfirmed", delivered);
        output.WriteLine($"images {fixture.Stack.ImageBuildTime.TotalSeconds:F0} s, stack up {fixture.Stack.StartTime.TotalSeconds:F0} s, " +
                         $"events delivered: {string.Join(", ", delivered)}");
    }

    private static async Task<List<string>> DeliveredEventsAsync(ShopClient shop, Guid user, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var delivered = (await shop.NotificationsAsync(user))
                .Where(n => n.GetProperty("status").GetString() == "Delivered")
                .Select(n => n.GetProperty("eventType").GetString()!).ToList();
            if (delivered.Contains("OrderConfirmed") || DateTime.UtcNow > deadline) return delivered;
            await Task.Delay(250);
        }
    }
}
