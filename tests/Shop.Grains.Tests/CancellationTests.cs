using Shop.Orders;
using Shop.Testing;

namespace Shop.Grains.Tests;

[Collection(ShopClusterCollection.Name)]
public sealed class CancellationTests(ShopClusterFixture fixture)
{
    private readonly Shopper _shop = new(fixture.Grains);

    [Fact]
    public async Task Cancelling_a_confirmed_order_returns_its_stock_and_refunds_it()
    {
        var user = await _shop.UserWith(20m);
        var sku = await _shop.ProductWith(5m, stock: 3);
        var order = await _shop.Place(user, (sku, 2));

        var cancelled = await _shop.Order(order.Id).Cancel();

        Assert.True(cancelled.Accepted);
        Assert.Equal(OrderStatus.Cancelled, cancelled.Order!.Status);
        Assert.Equal(new(3, 0, 0, 3), await _shop.Stock(sku).GetLevel());
        Assert.Equal(20m, await _shop.Balance(user));
        (await ShopInvariants.CheckAsync(fixture.Grains, [user], [sku])).ThrowIfViolated();
    }

    [Fact]
    public async Task Cancelling_a_pending_order_releases_what_it_reserved_and_refunds_what_it_paid()
    {
        var user = await _shop.UserWith(20m);
        var sku = await _shop.ProductWith(5m, stock: 3);
        fixture.Faults.Arm("IInventoryGrain.Commit", sku, times: 1);
        var pending = await _shop.Place(user, (sku, 2));
        Assert.Equal(OrderStatus.Pending, pending.Status);

        var cancelled = await _shop.Order(pending.Id).Cancel();

        Assert.Equal(OrderStatus.Cancelled, cancelled.Order!.Status);
        Assert.Equal(new(3, 0, 0, 3), await _shop.Stock(sku).GetLevel());
        Assert.Equal(20m, await _shop.Balance(user));
    }

    [Fact]
    public async Task A_rejected_or_cancelled_order_cannot_be_cancelled_and_nothing_moves_twice()
    {
        var user = await _shop.UserWith(1m);
        var sku = await _shop.ProductWith(5m, stock: 3);
        var rejected = await _shop.Place(user, (sku, 1));
        await _shop.Wallet(user).Deposit("top-up", 9m);
        var confirmed = await _shop.Place(user, (sku, 1));
        await _shop.Order(confirmed.Id).Cancel();

        var again = await _shop.Order(confirmed.Id).Cancel();
        var onRejected = await _shop.Order(rejected.Id).Cancel();
        var onMissing = await _shop.Order(Guid.NewGuid()).Cancel();

        Assert.False(again.Accepted);
        Assert.False(onRejected.Accepted);
        Assert.Equal((false, null), (onMissing.Accepted, onMissing.Order));
        Assert.Equal(10m, await _shop.Balance(user));
        Assert.Equal(3, await _shop.Available(sku));
    }
}
