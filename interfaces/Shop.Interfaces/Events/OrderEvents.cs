using Orleans;
using Shop.Orders;

namespace Shop.Events;

/// <summary>A change of an order's state, published on the user's <see cref="ShopStreams.Orders"/> stream.</summary>
[GenerateSerializer]
[Alias("shop.events.OrderEvent")]
public abstract record OrderEvent(string EventId, DateTimeOffset OccurredAt, [Id(0)] Guid OrderId, [Id(1)] Guid UserId, [Id(2)] decimal Total)
    : ShopEvent(EventId, OccurredAt)
{
    /// <summary>The status the order reached.</summary>
    public abstract OrderStatus Status { get; }

    /// <summary>The id of the event reporting that <paramref name="orderId"/> reached <paramref name="status"/>.</summary>
    public static string IdFor(Guid orderId, OrderStatus status) => $"order-{orderId:N}-{status.ToString().ToLowerInvariant()}";
}

/// <summary>An order was accepted for processing.</summary>
[GenerateSerializer]
[Alias("shop.events.OrderPlaced")]
public sealed record OrderPlaced(string EventId, DateTimeOffset OccurredAt, Guid OrderId, Guid UserId, decimal Total)
    : OrderEvent(EventId, OccurredAt, OrderId, UserId, Total)
{
    /// <inheritdoc />
    public override OrderStatus Status => OrderStatus.Pending;
}

/// <summary>An order's stock was sold and its wallet debited.</summary>
[GenerateSerializer]
[Alias("shop.events.OrderConfirmed")]
public sealed record OrderConfirmed(string EventId, DateTimeOffset OccurredAt, Guid OrderId, Guid UserId, decimal Total)
    : OrderEvent(EventId, OccurredAt, OrderId, UserId, Total)
{
    /// <inheritdoc />
    public override OrderStatus Status => OrderStatus.Confirmed;
}

/// <summary>An order failed and was compensated.</summary>
[GenerateSerializer]
[Alias("shop.events.OrderRejected")]
public sealed record OrderRejected(string EventId, DateTimeOffset OccurredAt, Guid OrderId, Guid UserId, decimal Total, [Id(0)] string Reason)
    : OrderEvent(EventId, OccurredAt, OrderId, UserId, Total)
{
    /// <inheritdoc />
    public override OrderStatus Status => OrderStatus.Rejected;
}

/// <summary>An order was cancelled; its stock and money were returned.</summary>
[GenerateSerializer]
[Alias("shop.events.OrderCancelled")]
public sealed record OrderCancelled(string EventId, DateTimeOffset OccurredAt, Guid OrderId, Guid UserId, decimal Total)
    : OrderEvent(EventId, OccurredAt, OrderId, UserId, Total)
{
    /// <inheritdoc />
    public override OrderStatus Status => OrderStatus.Cancelled;
}
