using Shop.Events;
using Shop.Notifications;
using Shop.Orders;
using Shop.Testing;

namespace Shop.Grains.Tests;

[Collection(ShopClusterCollection.Name)]
public sealed class NotificationTests(ShopClusterFixture fixture)
{
    private readonly Shopper _shop = new(fixture.Grains);

    [Fact]
    public async Task Order_events_reach_the_users_webhooks_through_the_order_stream_once_per_event_id()
    {
        var user = await _shop.UserWith(10m);
        var sku = await _shop.ProductWith(1m, stock: 1);
        var url = new Uri($"http://127.0.0.1:9/{user:N}");
        var notifications = fixture.Grains.GetGrain<INotificationGrain>(user);
        await notifications.AddWebhook(url);

        var order = await _shop.Place(user, (sku, 1));
        var log = await Eventually.Matches(
            () => notifications.GetDeliveries(0, 10),
            page => page.Deliveries.Count == 2 && page.Deliveries.All(d => d.Status == DeliveryStatus.Delivered),
            "the placed and confirmed events are delivered");
        var confirmedId = OrderEvent.IdFor(order.Id, OrderStatus.Confirmed);
        await notifications.Notify(new OrderConfirmed(confirmedId, DateTimeOffset.UtcNow, order.Id, user, order.Total));

        Assert.Equal(["OrderConfirmed", "OrderPlaced"], log.Deliveries.Select(d => d.EventType));
        Assert.Equal(2, (await notifications.GetDeliveries(0, 10)).Total);
        Assert.Equal(1, fixture.Transport.CountFor(url, confirmedId));
    }

    [Fact]
    public async Task An_endpoint_that_refuses_an_event_is_not_retried_and_the_delivery_fails()
    {
        var user = await _shop.UserWith(10m);
        var sku = await _shop.ProductWith(1m, stock: 1);
        var url = new Uri($"http://127.0.0.1:9/gone/{user:N}");
        fixture.Transport.Answer(url, 410);
        var notifications = fixture.Grains.GetGrain<INotificationGrain>(user);
        await notifications.AddWebhook(url);

        await _shop.Place(user, (sku, 1));
        var log = await Eventually.Matches(
            () => notifications.GetDeliveries(0, 10),
            page => page.Deliveries.Count == 2 && page.Deliveries.All(d => d.Status == DeliveryStatus.Failed),
            "both events are given up");

        Assert.All(log.Deliveries, d => Assert.Equal((1, "The endpoint answered 410."), (d.Attempts, d.LastError)));
    }

    [Fact]
    public async Task Registering_the_same_url_twice_keeps_one_webhook()
    {
        var notifications = fixture.Grains.GetGrain<INotificationGrain>(Guid.NewGuid());
        var first = await notifications.AddWebhook(new Uri("https://example.com/hook"));
        var second = await notifications.AddWebhook(new Uri("https://example.com/hook"));

        Assert.Equal(first, second);
        Assert.Single(await notifications.GetWebhooks());
    }
}
