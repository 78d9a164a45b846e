using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans;
using Orleans.Storage;
using Orleans.TestingHost;
using Shop.Inventory;
using Shop.Users;

namespace Shop.Grains.Tests;

/// <summary>Whole-state grains forget settled records after their retention, so their state does not grow with every order.</summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private InProcessTestCluster _cluster = null!;
    private Shopper _shop = null!;

    public async Task InitializeAsync()
    {
        // Short retentions: a long clock advance fires every periodic runtime timer on the way.
        _cluster = await ShopCluster.StartAsync(new Faults(), new RecordingTransport(), _time, new Dictionary<string, string?>
        {
            ["Shop:Retention:SettledReservations"] = "00:10:00",
            ["Shop:Retention:WalletOperations"] = "00:20:00",
        });
        _shop = new Shopper(_cluster.Client);
    }

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();

    [Fact]
    public async Task Inventory_forgets_returned_orders_after_the_retention_and_keeps_sold_ones()
    {
        var sku = await _shop.ProductWith(1m, stock: 10);
        var (released, sold) = (Guid.NewGuid(), Guid.NewGuid());
        await _shop.Stock(sku).Reserve(released, 2);
        await _shop.Stock(sku).Release(released);
        await _shop.Stock(sku).Reserve(sold, 3);
        await _shop.Stock(sku).Commit(sold);
        Assert.Equal(2, (await Stored<InventoryState>("inventory", _shop.Stock(sku))).Reservations.Count);

        _time.Advance(TimeSpan.FromMinutes(11));
        await _shop.Stock(sku).AddStock("restock-1", 1);

        var state = await Stored<InventoryState>("inventory", _shop.Stock(sku));
        Assert.Equal([sold], state.Reservations.Keys);
        Assert.Equal(new(8, 0, 3, 11), state.Level());
    }

    [Fact]
    public async Task A_wallet_forgets_settled_operations_after_the_retention_and_keeps_standing_debits()
    {
        var user = await _shop.UserWith(0m);
        var wallet = _shop.Wallet(user);
        await wallet.Deposit("deposit", 10m);
        await wallet.Debit("kept", 3m);
        await wallet.Debit("refunded", 2m);
        await wallet.Refund("refund", "refunded");

        _time.Advance(TimeSpan.FromMinutes(21));
        await wallet.Deposit("later", 1m);

        var state = await Stored<WalletState>("wallet", wallet);
        Assert.Equal(["kept", "later"], state.Operations.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new WalletSnapshot(8m, 11m, 5m, 2m), await wallet.GetSnapshot());
        await wallet.Refund("refund-kept", "kept");
        Assert.Equal(11m, (await wallet.GetSnapshot()).Balance);
    }

    private async Task<T> Stored<T>(string stateName, IAddressable grain)
    {
        var storage = _cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(ShopStorage.Name);
        var state = new GrainState<T>(Activator.CreateInstance<T>());
        await storage.ReadStateAsync(stateName, grain.GetGrainId(), state);
        return state.State!;
    }
}
