using Shop.Orders;
using Shop.Testing;

namespace Shop.Grains.Tests;

/// <summary>The order saga's success path and every refusal, each ending with everything compensated.</summary>
[Collection(ShopClusterCollection.Name)]
public sealed class SagaTests(ShopClusterFixture fixture)
{
    private readonly Shopper _shop = new(fixture.Grains);

    [Fact]
    public async Task An_order_within_stock_and_balance_is_confirmed_and_sold()
    {
        var user = await _shop.UserWith(100m);
        var tea = await _shop.ProductWith(4.50m, stock: 10);
        var cup = await _shop.ProductWith(12.25m, stock: 2);

        var order = await _shop.Place(user, (tea, 3), (cup, 2));

        Assert.Equal(OrderStatus.Confirmed, order.Status);
        Assert.Equal(38m, order.Total);
        Assert.Null(order.Reason);
        Assert.Equal(62m, await _shop.Balance(user));
        Assert.Equal(new(7, 0, 3, 10), await _shop.Stock(tea).GetLevel());
        Assert.Equal(new(0, 0, 2, 2), await _shop.Stock(cup).GetLevel());
        (await ShopInvariants.CheckAsync(fixture.Grains, [user], [tea, cup])).ThrowIfViolated();
    }

    [Fact]
    public async Task Missing_stock_on_one_line_releases_the_other_lines_and_moves_no_money()
    {
        var user = await _shop.UserWith(100m);
        var plenty = await _shop.ProductWith(1m, stock: 10);
        var scarce = await _shop.ProductWith(1m, stock: 1);

        var order = await _shop.Place(user, (plenty, 4), (scarce, 2));

        Assert.Equal(OrderStatus.Rejected, order.Status);
        Assert.Contains(scarce, order.Reason);
        Assert.Equal(new(10, 0, 0, 10), await _shop.Stock(plenty).GetLevel());
        Assert.Equal(new(1, 0, 0, 1), await _shop.Stock(scarce).GetLevel());
        Assert.Equal(100m, await _shop.Balance(user));
        (await ShopInvariants.CheckAsync(fixture.Grains, [user], [plenty, scarce])).ThrowIfViolated();
    }

    [Fact]
    public async Task Insufficient_funds_releases_every_reservation()
    {
        var user = await _shop.UserWith(5m);
        var sku = await _shop.ProductWith(3m, stock: 5);

        var order = await _shop.Place(user, (sku, 2));

        Assert.Equal(OrderStatus.Rejected, order.Status);
        Assert.Equal("insufficient funds", order.Reason);
        Assert.Equal(new(5, 0, 0, 5), await _shop.Stock(sku).GetLevel());
        Assert.Equal(5m, await _shop.Balance(user));
        (await ShopInvariants.CheckAsync(fixture.Grains, [user], [sku])).ThrowIfViolated();
    }

    [Fact]
    public async Task An_unknown_product_or_user_rejects_without_touching_anything()
    {
        var user = await _shop.UserWith(50m);
        var sku = await _shop.ProductWith(1m, stock: 3);

        var unknownProduct = await _shop.Place(user, (sku, 1), ("no-such-sku", 1));
        var unknownUser = await _shop.Place(Guid.NewGuid(), (sku, 1));

        Assert.Equal((OrderStatus.Rejected, "unknown product no-such-sku"), (unknownProduct.Status, unknownProduct.Reason));
        Assert.Equal(OrderStatus.Rejected, unknownUser.Status);
        Assert.StartsWith("unknown user", unknownUser.Reason);
        Assert.Equal(3, await _shop.Available(sku));
        Assert.Equal(50m, await _shop.Balance(user));
    }

    [Fact]
    public async Task A_failed_commit_after_the_debit_leaves_the_order_pending_and_a_retry_confirms_it()
    {
        var user = await _shop.UserWith(10m);
        var sku = await _shop.ProductWith(2m, stock: 4);
        fixture.Faults.Arm("IInventoryGrain.Commit", sku, times: 1);

        var pending = await _shop.Place(user, (sku, 2));
        Assert.Equal(OrderStatus.Pending, pending.Status);
        Assert.Equal(new(2, 2, 0, 4), await _shop.Stock(sku).GetLevel());
        Assert.Equal(6m, await _shop.Balance(user));

        var settled = await _shop.Order(pending.Id).Settle();
        Assert.Equal(OrderStatus.Confirmed, settled!.Status);
        Assert.Equal(new(2, 0, 2, 4), await _shop.Stock(sku).GetLevel());
        Assert.Equal(6m, await _shop.Balance(user));
        (await ShopInvariants.CheckAsync(fixture.Grains, [user], [sku])).ThrowIfViolated();
    }

    [Fact]
    public async Task A_failed_debit_is_retried_without_reserving_twice()
    {
        var user = await _shop.UserWith(10m);
        var sku = await _shop.ProductWith(1m, stock: 3);
        fixture.Faults.Arm("IWalletGrain.Debit", user.ToString("N"), times: 2);

        var pending = await _shop.Place(user, (sku, 3));
        Assert.Equal(OrderStatus.Pending, pending.Status);
        Assert.Equal(OrderStatus.Pending, (await _shop.Order(pending.Id).Settle())!.Status);
        var settled = await _shop.Order(pending.Id).Settle();

        Assert.Equal(OrderStatus.Confirmed, settled!.Status);
        Assert.Equal(new(0, 0, 3, 3), await _shop.Stock(sku).GetLevel());
        Assert.Equal(7m, await _shop.Balance(user));
    }
}
