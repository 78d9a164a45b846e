using Orleans;
using Shop.Inventory;
using Shop.Orders;
using Shop.Users;

namespace Shop.Testing;

/// <summary>
/// The shop's conservation laws, checked through the grains' public interfaces so any test (grain, API, chaos)
/// can run them against a live cluster once its orders have settled:
/// money: every deposit is either in a balance or held by a confirmed order;
/// stock: every unit added is available, reserved or sold, and sold units are exactly those of confirmed orders.
/// </summary>
public static class ShopInvariants
{
    private const int PageSize = 100;

    /// <summary>Checks the invariants over the given users (and all their orders) and SKUs.</summary>
    public static async Task<InvariantReport> CheckAsync(IGrainFactory grains, IEnumerable<Guid> userIds, IEnumerable<string> skus)
    {
        var violations = new List<string>();
        var users = userIds.Distinct().ToList();
        var orders = (await Task.WhenAll(users.Select(user => OrdersOf(grains, user)))).SelectMany(o => o).ToList();
        var unsettled = orders.Count(o => o.Status == OrderStatus.Pending);
        if (unsettled > 0) violations.Add($"{unsettled} orders are still Pending: the invariants hold only once every order has settled.");

        var wallets = await Task.WhenAll(users.Select(user => grains.GetGrain<IWalletGrain>(user).GetSnapshot()));
        var confirmed = orders.Where(o => o.Status == OrderStatus.Confirmed).ToList();
        var deposited = wallets.Sum(w => w.Deposited);
        var balance = wallets.Sum(w => w.Balance);
        var held = confirmed.Sum(o => o.Total);
        if (deposited != balance + held)
            violations.Add($"Money: deposits {deposited} != balances {balance} + held by confirmed orders {held}.");
        for (var i = 0; i < users.Count; i++)
        {
            var paid = wallets[i].Debited - wallets[i].Refunded;
            var owed = confirmed.Where(o => o.UserId == users[i]).Sum(o => o.Total);
            if (paid != owed) violations.Add($"Money: user {users[i]} paid {paid} net of refunds, but their confirmed orders total {owed}.");
        }

        foreach (var sku in skus.Distinct(StringComparer.Ordinal))
        {
            var level = await grains.GetGrain<IInventoryGrain>(sku).GetLevel();
            CheckStock(sku, level, confirmed, unsettled == 0, violations);
        }

        return new InvariantReport(violations, deposited, balance, held, unsettled);
    }

    private static void CheckStock(string sku, StockLevel level, IReadOnlyList<OrderSnapshot> confirmed, bool settled, List<string> violations)
    {
        if (level.Added != level.Available + level.Reserved + level.Sold)
            violations.Add($"Stock {sku}: added {level.Added} != available {level.Available} + reserved {level.Reserved} + sold {level.Sold}.");
        if (level.Available < 0 || level.Reserved < 0 || level.Sold < 0) violations.Add($"Stock {sku}: a bucket is negative ({level}).");
        if (!settled) return;
        if (level.Reserved != 0) violations.Add($"Stock {sku}: {level.Reserved} units stay reserved although every order has settled.");
        var sold = confirmed.SelectMany(o => o.Lines).Where(l => l.Sku == sku).Sum(l => l.Quantity);
        if (level.Sold != sold) violations.Add($"Stock {sku}: {level.Sold} units sold, but confirmed orders hold {sold}.");
    }

    private static async Task<List<OrderSnapshot>> OrdersOf(IGrainFactory grains, Guid userId)
    {
        var list = grains.GetGrain<IUserOrdersGrain>(userId);
        var ids = new List<Guid>();
        while (true)
        {
            var page = await list.List(ids.Count, PageSize);
            ids.AddRange(page.OrderIds);
            if (page.OrderIds.Count == 0 || ids.Count >= page.Total) break;
        }

        var orders = await Task.WhenAll(ids.Select(id => grains.GetGrain<IOrderGrain>(id).Get()));
        return [.. orders.OfType<OrderSnapshot>()];
    }
}
