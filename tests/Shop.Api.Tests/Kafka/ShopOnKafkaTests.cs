using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Shop.Events;
using Shop.Orders;
using Shop.Sales;

namespace Shop.Api.Tests.Kafka;

/// <summary>
/// The shop end to end on Kafka: an order placed and paid through the REST API travels as events through the mock
/// cluster's topics to the implicitly subscribed grains (the SKU's sales projection, the user's webhooks), and a
/// plain Kafka consumer reads the order's event from the <c>orders</c> topic in the documented open format.
/// </summary>
public sealed class ShopOnKafkaTests : IClassFixture<KafkaShopApiFactory>, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly KafkaShopApiFactory _factory;
    private readonly ShopClient _shop;
    private readonly WebhookListener _listener = new(failures: 0);

    public ShopOnKafkaTests(KafkaShopApiFactory factory)
    {
        _factory = factory;
        _shop = new ShopClient(factory.CreateClient());
    }

    public Task InitializeAsync() => _listener.StartAsync();

    public async Task DisposeAsync() => await _listener.DisposeAsync();

    [Fact]
    public async Task A_paid_order_reaches_the_sales_projection_the_webhook_and_a_plain_consumer_of_the_orders_topic()
    {
        var user = await _shop.CreateUser(deposit: 10m);
        var sku = await _shop.CreateProduct(price: 2m, stock: 5);
        await _shop.Http.PostAsJsonAsync($"/api/v1/users/{user}/webhooks", new { url = _listener.Url });

        var order = (await ShopClient.Read(await _shop.PlaceOrder(user, sku, 3))).GetProperty("id").GetGuid();

        var confirmed = OrderEvent.IdFor(order, OrderStatus.Confirmed);
        await _listener.Delivered(confirmed);
        var sales = _factory.Services.GetRequiredService<IClusterClient>().GetGrain<ISkuSalesGrain>(sku);
        var projected = await PollAsync(sales.GetSales, s => s.UnitsSold == 3);
        Assert.Equal(1, projected.Orders);

        // The event's [Alias], not its CLR name: the wire contract survives renaming or moving the class.
        var message = OrdersTopic.Find(_factory.Cluster.BootstrapServers, KafkaShopApiFactory.Partitions, user.ToString("N"), "shop.events.OrderConfirmed", Timeout);
        Assert.Equal("shop.events.OrderConfirmed", message.Header("event-type"));
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$", message.Header("traceparent"));
        var body = JsonDocument.Parse(message.Message.Value).RootElement;
        Assert.Equal(confirmed, body.GetProperty("eventId").GetString());
        Assert.Equal(order, body.GetProperty("orderId").GetGuid());
        Assert.Equal(6m, body.GetProperty("total").GetDecimal());
    }

    /// <summary>Re-reads <paramref name="read"/> until <paramref name="done"/> holds: the projection reports no signal of its own.</summary>
    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out after {Timeout}; last value: {value}.");
            await Task.Yield();
        }
    }
}
