using Orleans;

namespace Shop.Orders;

/// <summary>Where an order stands. Confirmed, Rejected and Cancelled are reached once; only Confirmed may still become Cancelled.</summary>
public enum OrderStatus
{
    /// <summary>The saga has not finished.</summary>
    Pending,

    /// <summary>Stock is sold and the wallet debited.</summary>
    Confirmed,

    /// <summary>A step failed; everything was compensated.</summary>
    Rejected,

    /// <summary>Cancelled by the user; stock and money were returned.</summary>
    Cancelled,
}

/// <summary>Places an order for a user.</summary>
[GenerateSerializer]
[Alias("shop.orders.PlaceOrder")]
public sealed record PlaceOrder([Id(0)] Guid UserId, [Id(1)] IReadOnlyList<OrderLineRequest> Lines);

/// <summary>A requested line: how many units of a SKU.</summary>
[GenerateSerializer]
[Alias("shop.orders.OrderLineRequest")]
public sealed record OrderLineRequest([Id(0)] string Sku, [Id(1)] int Quantity);

/// <summary>A line as ordered, with the unit price at the time of ordering.</summary>
[GenerateSerializer]
[Alias("shop.orders.OrderLine")]
public sealed record OrderLine([Id(0)] string Sku, [Id(1)] int Quantity, [Id(2)] decimal UnitPrice)
{
    /// <summary>Quantity times unit price.</summary>
    public decimal Amount => Quantity * UnitPrice;
}

/// <summary>An order as its owner sees it.</summary>
[GenerateSerializer]
[Alias("shop.orders.OrderSnapshot")]
public sealed record OrderSnapshot(
    [Id(0)] Guid Id,
    [Id(1)] Guid UserId,
    [Id(2)] OrderStatus Status,
    [Id(3)] IReadOnlyList<OrderLine> Lines,
    [Id(4)] decimal Total,
    [Id(5)] string? Reason,
    [Id(6)] DateTimeOffset PlacedAt,
    [Id(7)] DateTimeOffset UpdatedAt);

/// <summary>
/// The outcome of a cancellation: whether it was accepted, the order afterwards (Cancelled, or still Pending or
/// Confirmed while stock and money are on their way back), and why it was refused when it was.
/// </summary>
[GenerateSerializer]
[Alias("shop.orders.CancelOrderResult")]
public sealed record CancelOrderResult([Id(0)] bool Accepted, [Id(1)] OrderSnapshot? Order, [Id(2)] string? FailureReason = null);
