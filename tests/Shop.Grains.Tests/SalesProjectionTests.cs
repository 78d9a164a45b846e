using Orleans;
using Orleans.Streams;
using Shop.Events;
using Shop.Inventory;
using Shop.Sales;
using Shop.Testing;

namespace Shop.Grains.Tests;

[Collection(ShopClusterCollection.Name)]
public sealed class SalesProjectionTests(ShopClusterFixture fixture)
{
    private readonly Shopper _shop = new(fixture.Grains);

    [Fact]
    public async Task Confirmed_and_cancelled_orders_reach_the_skus_sales_through_its_inventory_stream()
    {
        var user = await _shop.UserWith(100m);
        var sku = await _shop.ProductWith(2m, stock: 10);
        var sales = fixture.Grains.GetGrain<ISkuSalesGrain>(sku);

        var first = await _shop.Place(user, (sku, 3));
        await _shop.Place(user, (sku, 2));
        await Eventually.Matches(sales.GetSales, s => s.Orders == 2, "both confirmed orders are projected");
        Assert.Equal((5, 0), ((await sales.GetSales()).UnitsSold, (await sales.GetSales()).UnitsReturned));

        await _shop.Order(first.Id).Cancel();
        var after = await Eventually.Matches(sales.GetSales, s => s.UnitsReturned == 3, "the cancellation is projected");
        Assert.Equal(new SkuSales(sku, 2, 3, 1, after.LastSaleAt), after);
        Assert.NotNull(after.LastSaleAt);
    }

    [Fact]
    public async Task An_event_published_again_with_the_same_id_is_counted_once()
    {
        var sku = $"replayed-{Guid.NewGuid():N}";
        var stream = fixture.Cluster.Client.GetStreamProvider(ShopStreams.Provider).GetStream<StockChanged>(ShopStreams.Inventory, sku);
        var sold = new StockChanged($"stock-{sku}-committed-1", DateTimeOffset.UtcNow, sku, StockChange.Committed, 4, Guid.NewGuid(), new StockLevel(0, 0, 4, 4));
        var marker = sold with { EventId = $"stock-{sku}-committed-2", Quantity = 1, OrderId = Guid.NewGuid() };

        // As an inventory's outbox does after a publish it could not confirm: the same event, a new position.
        await stream.OnNextAsync(sold);
        await stream.OnNextAsync(sold);
        await stream.OnNextAsync(marker);

        var sales = await Eventually.Matches(fixture.Grains.GetGrain<ISkuSalesGrain>(sku).GetSales, s => s.Orders >= 2, "the marker event is projected");
        Assert.Equal((5, 2), (sales.UnitsSold, sales.Orders));
    }

    [Fact]
    public async Task An_event_delivered_again_after_its_effect_was_stored_is_applied_once()
    {
        var user = await _shop.UserWith(100m);
        var sku = await _shop.ProductWith(2m, stock: 10);
        // The projection stores the sale, then its write "fails": the delivery fails and the stream delivers the
        // same event with the same token again, to a fresh activation that reads the stored effect.
        fixture.Faults.Arm("write:sales", sku, times: 1);

        await _shop.Place(user, (sku, 3));

        var sales = fixture.Grains.GetGrain<ISkuSalesGrain>(sku);
        await Eventually.Matches(() => Task.FromResult(fixture.Faults.Remaining("write:sales", sku)), left => left == 0, "the write's acknowledgement was lost");
        await _shop.Place(user, (sku, 1));
        var after = await Eventually.Matches(sales.GetSales, s => s.Orders >= 2, "the second order is projected");
        Assert.Equal((4, 2), (after.UnitsSold, after.Orders));
    }
}
