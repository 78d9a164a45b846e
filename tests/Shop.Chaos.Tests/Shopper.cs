using System.Globalization;

namespace Shop.Chaos.Tests;

/// <summary>
/// One REST client doing the walkthrough's flows at random, mostly placing orders (the saga reserves stock and pays
/// from the wallet), also funding wallets, registering, cancelling, restocking and reading. It records in the
/// ledger what it was told.
/// </summary>
internal sealed class Shopper(RetryingShopClient client, ShopLedger ledger, int seed)
{
    private readonly Random _random = new(seed);

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var roll = _random.Next(100);
            if (roll < 50) await PlaceOrderAsync();
            else if (roll < 70) await DepositAsync(ledger.AnyUser(_random), _random.Next(1, 10) * 10m);
            else if (roll < 78) await RegisterAsync(deposit: 100m);
            else if (roll < 84) await CancelAsync();
            else if (roll < 88) await AddStockAsync(ledger.Skus[_random.Next(ledger.Skus.Count)], _random.Next(5, 30));
            else await ReadOrderAsync();
        }
    }

    public async Task RegisterAsync(decimal deposit)
    {
        var email = $"{Guid.NewGuid():N}@chaos.example.com";
        if (await client.PostAsync("register", "/api/v1/users", new { email, name = "Chaos" }) is not { Acknowledged: true } reply) return;
        ledger.UserRegistered(reply.Id);
        if (deposit > 0) await DepositAsync(reply.Id, deposit);
    }

    public async Task AddProductAsync(string sku, decimal price, int stock)
    {
        var reply = await client.PutAsync("product", $"/api/v1/products/{sku}", new { name = "Chaos " + sku, price });
        if (reply is not { Acknowledged: true }) throw new InvalidOperationException($"Product {sku} was not created before the chaos began: {reply?.Status}.");
        ledger.Skus.Add(sku);
        await AddStockAsync(sku, stock);
    }

    public static string Sku(int index) => "CHAOS-" + index.ToString("D3", CultureInfo.InvariantCulture);

    private async Task DepositAsync(Guid? user, decimal amount)
    {
        if (user is not { } id) return;
        var reply = await client.PostAsync("deposit", $"/api/v1/users/{id}/wallet/deposits", new { amount });
        if (reply is { Acknowledged: true }) ShopLedger.Add(ledger.AcknowledgedDeposits, id, amount);
        else if (reply is null) ShopLedger.Add(ledger.UncertainDeposits, id, amount);
    }

    private async Task AddStockAsync(string sku, int quantity)
    {
        var reply = await client.PostAsync("stock", $"/api/v1/products/{sku}/stock", new { quantity });
        if (reply is { Acknowledged: true }) ShopLedger.Add(ledger.AcknowledgedStock, sku, quantity);
        else if (reply is null) ShopLedger.Add(ledger.UncertainStock, sku, quantity);
    }

    private async Task PlaceOrderAsync()
    {
        if (ledger.AnyUser(_random) is not { } user) return;
        var lines = ledger.Skus.OrderBy(_ => _random.Next()).Take(_random.Next(1, 4))
            .Select(sku => new { sku, quantity = _random.Next(1, 4) }).ToArray();
        var reply = await client.PostAsync("order", "/api/v1/orders", new { userId = user, lines });
        if (reply is { Acknowledged: true }) ledger.OrderAcknowledged(reply.Id, user);
    }

    private async Task CancelAsync()
    {
        if (ledger.AnyOrder(_random) is not { } order) return;
        // 200 means Cancelled now; 202 means the cancellation will be carried out once the saga settles.
        if (await client.PostAsync("cancel", $"/api/v1/orders/{order}/cancel", new { }) is { Status: 200 }) ledger.Cancelled[order] = true;
    }

    private async Task ReadOrderAsync()
    {
        if (ledger.AnyOrder(_random) is { } order) await client.GetAsync("read", $"/api/v1/orders/{order}");
    }
}
