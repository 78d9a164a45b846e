using Orleans.Runtime;

namespace Shop.Events;

/// <summary>The stream each domain event goes to: one per user for orders and wallets, one per SKU for stock.</summary>
internal static class ShopStreamIds
{
    /// <summary>The stream of a user's order events.</summary>
    public static StreamId OrdersOf(Guid userId) => StreamId.Create(ShopStreams.Orders, userId);

    /// <summary>The stream of a SKU's stock events.</summary>
    public static StreamId InventoryOf(string sku) => StreamId.Create(ShopStreams.Inventory, sku);

    /// <summary>The stream of a user's wallet events.</summary>
    public static StreamId WalletsOf(Guid userId) => StreamId.Create(ShopStreams.Wallets, userId);
}
