using Shop.Orders;
using Shop.Testing;

namespace Shop.Grains.Tests;

[Collection(ShopClusterCollection.Name)]
public sealed class HotSkuTests(ShopClusterFixture fixture)
{
    private readonly Shopper _shop = new(fixture.Grains);

    [Fact]
    public async Task Two_hundred_parallel_orders_for_fifty_units_sell_exactly_fifty_and_conserve_money()
    {
        var hot = await _shop.ProductWith(3m, stock: 50);
        var users = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => _shop.UserWith(100m)));

        var orders = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => _shop.Place(users[i % users.Length], (hot, 1))));

        Assert.Equal(50, orders.Count(o => o.Status == OrderStatus.Confirmed));
        Assert.Equal(150, orders.Count(o => o.Status == OrderStatus.Rejected && o.Reason!.StartsWith("insufficient stock", StringComparison.Ordinal)));
        Assert.Equal(new(0, 0, 50, 50), await _shop.Stock(hot).GetLevel());
        var report = await ShopInvariants.CheckAsync(fixture.Grains, users, [hot]);
        report.ThrowIfViolated();
        Assert.Equal((4000m, 3850m, 150m), (report.TotalDeposited, report.TotalBalance, report.HeldByConfirmedOrders));
    }
}
