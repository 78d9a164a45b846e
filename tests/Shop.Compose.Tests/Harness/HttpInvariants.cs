using System.Text.Json;

namespace Shop.Compose.Tests.Harness;

/// <summary>
/// The shop's conservation laws (as tests/Shop.Testing's ShopInvariants, but over HTTP): once every order has settled,
/// deposits = balances + confirmed order totals, and stock added = available + reserved + sold, with nothing reserved
/// and sold = the units of confirmed orders.
/// </summary>
internal static class HttpInvariants
{
    /// <summary>Waits until no order of the users is Pending, then returns every violation (empty when all hold).</summary>
    public static async Task<List<string>> CheckAsync(ShopClient client, IReadOnlyList<Guid> users, IReadOnlyDictionary<string, int> stockAdded)
    {
        var orders = await SettledOrdersAsync(client, users);
        var violations = new List<string>();
        var confirmed = orders.Where(o => o.GetProperty("status").GetString() == "Confirmed").ToList();
        decimal deposited = 0, balance = 0;
        foreach (var user in users)
        {
            var wallet = await client.WalletAsync(user);
            deposited += wallet.GetProperty("deposited").GetDecimal();
            balance += wallet.GetProperty("balance").GetDecimal();
        }

        var held = confirmed.Sum(o => o.GetProperty("total").GetDecimal());
        if (deposited != balance + held) violations.Add($"Money: deposits {deposited} != balances {balance} + confirmed orders {held}.");

        foreach (var (sku, added) in stockAdded)
        {
            // The API reads reserved and sold only in the answer to adding stock: add one unit and count it.
            var level = await client.AddStockAsync(sku, 1);
            int available = level.GetProperty("available").GetInt32(), reserved = level.GetProperty("reserved").GetInt32(), sold = level.GetProperty("sold").GetInt32();
            if (added + 1 != available + reserved + sold)
                violations.Add($"Stock {sku}: added {added + 1} != available {available} + reserved {reserved} + sold {sold}.");
            if (reserved != 0) violations.Add($"Stock {sku}: {reserved} units stay reserved although every order has settled.");
            var confirmedUnits = confirmed.SelectMany(o => o.GetProperty("lines").EnumerateArray())
                .Where(l => l.GetProperty("sku").GetString() == sku).Sum(l => l.GetProperty("quantity").GetInt32());
            if (sold != confirmedUnits) violations.Add($"Stock {sku}: {sold} units sold, but confirmed orders hold {confirmedUnits}.");
        }

        return violations;
    }

    private static async Task<List<JsonElement>> SettledOrdersAsync(ShopClient client, IReadOnlyList<Guid> users)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var orders = new List<JsonElement>();
            foreach (var user in users) orders.AddRange(await client.OrdersOfAsync(user));
            var pending = orders.Count(o => o.GetProperty("status").GetString() == "Pending");
            if (pending == 0) return orders;
            if (DateTime.UtcNow > deadline) throw new InvalidOperationException($"{pending} orders still Pending after 2 minutes.");
            await Task.Delay(500);
        }
    }
}
