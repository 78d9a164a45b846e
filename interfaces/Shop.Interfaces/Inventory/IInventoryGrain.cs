using Orleans;
using Orleans.Concurrency;

namespace Shop.Inventory;

/// <summary>
/// The stock of one SKU, keyed by the SKU. Stock is added, reserved for an order, then released or committed
/// (sold); a committed order's stock can be returned. Every order operation is idempotent per order id, and
/// one activation per SKU serializes them, so stock is never negative and never oversold.
/// </summary>
[Alias("shop.IInventoryGrain")]
public interface IInventoryGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds a positive quantity to the available stock, once per <paramref name="operationId"/>: the same id again
    /// (a retried request) adds nothing and returns the current levels.
    /// </summary>
    Task<StockLevel> AddStock(string operationId, int quantity);

    /// <summary>Sets stock aside for an order; false (and nothing reserved) when not enough is available.</summary>
    Task<bool> Reserve(Guid orderId, int quantity);

    /// <summary>Makes the order's reservation available again; nothing happens when the order holds none.</summary>
    Task<StockLevel> Release(Guid orderId);

    /// <summary>Turns the order's reservation into sold stock.</summary>
    Task<StockLevel> Commit(Guid orderId);

    /// <summary>Makes the order's sold stock available again (a cancelled order); nothing when it bought none.</summary>
    Task<StockLevel> Return(Guid orderId);

    /// <summary>The current levels.</summary>
    [ReadOnly]
    Task<StockLevel> GetLevel();
}
