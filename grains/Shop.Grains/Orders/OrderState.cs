using Orleans;
using Shop.Events;

namespace Shop.Orders;

/// <summary>Where the saga is heading. It is stored before the steps towards it run, so a retry carries on the same way.</summary>
internal enum OrderIntent
{
    /// <summary>Reserve, debit, commit, then Confirmed.</summary>
    Complete,

    /// <summary>Release, return and refund, then Rejected.</summary>
    Reject,

    /// <summary>Release, return and refund, then Cancelled.</summary>
    Cancel,
}

/// <summary>An order, the saga's progress and the events not yet published.</summary>
[GenerateSerializer]
[Alias("shop.orders.OrderState")]
internal sealed class OrderState
{
    [Id(0)]
    public Guid UserId { get; set; }

    [Id(1)]
    public OrderStatus Status { get; set; }

    [Id(2)]
    public List<OrderLine> Lines { get; set; } = [];

    [Id(3)]
    public decimal Total { get; set; }

    [Id(4)]
    public string? Reason { get; set; }

    [Id(5)]
    public DateTimeOffset PlacedAt { get; set; }

    [Id(6)]
    public DateTimeOffset UpdatedAt { get; set; }

    [Id(7)]
    public OrderIntent Intent { get; set; }

    /// <summary>How many times a settlement attempt failed with an error (not a business refusal).</summary>
    [Id(8)]
    public int FailedAttempts { get; set; }

    [Id(9)]
    public List<OrderEvent> Outbox { get; set; } = [];

    /// <summary>True while the saga still has steps to run: a Pending order, or a Confirmed one being cancelled.</summary>
    public bool IsUnsettled => Status == OrderStatus.Pending || (Status == OrderStatus.Confirmed && Intent == OrderIntent.Cancel);
}
