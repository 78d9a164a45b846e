using Orleans;
using Shop.Inventory;

namespace Shop.Events;

/// <summary>What happened to a SKU's stock.</summary>
public enum StockChange
{
    /// <summary>Units were added.</summary>
    Added,

    /// <summary>Units were set aside for an order.</summary>
    Reserved,

    /// <summary>An order's reservation became available again.</summary>
    Released,

    /// <summary>An order's reservation was sold.</summary>
    Committed,

    /// <summary>A cancelled order's sold units became available again.</summary>
    Returned,
}

/// <summary>A SKU's stock changed; published on the SKU's <see cref="ShopStreams.Inventory"/> stream.</summary>
[GenerateSerializer]
[Alias("shop.events.StockChanged")]
public sealed record StockChanged(
    string EventId,
    DateTimeOffset OccurredAt,
    [Id(0)] string Sku,
    [Id(1)] StockChange Change,
    [Id(2)] int Quantity,
    [Id(3)] Guid? OrderId,
    [Id(4)] StockLevel Level) : ShopEvent(EventId, OccurredAt);
