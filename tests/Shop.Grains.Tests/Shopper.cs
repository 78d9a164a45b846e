using Orleans;
using Shop.Catalog;
using Shop.Inventory;
using Shop.Orders;
using Shop.Users;

namespace Shop.Grains.Tests;

/// <summary>Sets up users, products and orders through the grains, each with fresh keys so tests never share data.</summary>
public sealed class Shopper(IGrainFactory grains)
{
    public async Task<Guid> UserWith(decimal deposit)
    {
        var id = Guid.NewGuid();
        var registered = await grains.GetGrain<IUserGrain>(id).Register(new RegisterUser($"{id:N}@example.com", "Test user"));
        Assert.True(registered.Succeeded);
        if (deposit > 0) await Wallet(id).Deposit($"seed-{id:N}", deposit);
        return id;
    }

    public async Task<string> ProductWith(decimal price, int stock)
    {
        var sku = $"sku-{Guid.NewGuid():N}";
        await grains.GetGrain<IProductGrain>(sku).Upsert(new ProductDefinition("Test product", price));
        if (stock > 0) await Stock(sku).AddStock($"seed-{sku}", stock);
        return sku;
    }

    public Task<OrderSnapshot> Place(Guid userId, params (string Sku, int Quantity)[] lines) => Place(Guid.NewGuid(), userId, lines);

    public Task<OrderSnapshot> Place(Guid orderId, Guid userId, params (string Sku, int Quantity)[] lines) =>
        Order(orderId).Place(new PlaceOrder(userId, [.. lines.Select(l => new OrderLineRequest(l.Sku, l.Quantity))]));

    public IOrderGrain Order(Guid orderId) => grains.GetGrain<IOrderGrain>(orderId);

    public IWalletGrain Wallet(Guid userId) => grains.GetGrain<IWalletGrain>(userId);

    public IInventoryGrain Stock(string sku) => grains.GetGrain<IInventoryGrain>(sku);

    public async Task<decimal> Balance(Guid userId) => (await Wallet(userId).GetSnapshot()).Balance;

    public async Task<int> Available(string sku) => (await Stock(sku).GetLevel()).Available;
}
