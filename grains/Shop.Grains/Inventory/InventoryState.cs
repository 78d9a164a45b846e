using Orleans;
using Shop.Events;

namespace Shop.Inventory;

/// <summary>Where an order's units of this SKU are.</summary>
internal enum ReservationStatus
{
    /// <summary>Set aside, not yet sold.</summary>
    Reserved,

    /// <summary>Sold.</summary>
    Committed,

    /// <summary>Given back before being sold; the order cannot reserve again.</summary>
    Released,

    /// <summary>Sold, then given back by a cancellation.</summary>
    Returned,
}

/// <summary>One SKU's stock and each order's share of it.</summary>
[GenerateSerializer]
[Alias("shop.inventory.InventoryState")]
internal sealed class InventoryState
{
    [Id(0)]
    public int Available { get; set; }

    [Id(1)]
    public int Reserved { get; set; }

    [Id(2)]
    public int Sold { get; set; }

    [Id(3)]
    public int Added { get; set; }

    /// <summary>Every order that reserved this SKU, so each order operation is applied once.</summary>
    [Id(4)]
    public Dictionary<Guid, Reservation> Reservations { get; set; } = [];

    [Id(5)]
    public List<StockChanged> Outbox { get; set; } = [];

    /// <summary>The operation ids of stock additions and when each was applied, so a retried addition applies once.</summary>
    [Id(6)]
    public Dictionary<string, DateTimeOffset> Additions { get; set; } = [];

    public StockLevel Level() => new(Available, Reserved, Sold, Added);

    /// <summary>Forgets additions applied before <paramref name="appliedBefore"/>, when no retry of them can still arrive.</summary>
    public void ForgetAdditionsBefore(DateTimeOffset appliedBefore)
    {
        foreach (var (operationId, appliedAt) in Additions)
        {
            if (appliedAt < appliedBefore) Additions.Remove(operationId);
        }
    }

    /// <summary>
    /// Forgets orders whose units went back (Released, Returned) before <paramref name="settledBefore"/>. Their entries
    /// only stop a late repeat of the order's own calls; sold units (Committed) stay, since a cancellation may return them.
    /// </summary>
    public void ForgetSettledBefore(DateTimeOffset settledBefore)
    {
        foreach (var (orderId, reservation) in Reservations)
        {
            if (reservation.SettledAt < settledBefore) Reservations.Remove(orderId);
        }
    }
}

/// <summary>An order's units of this SKU, where they are, and when they went back (null while reserved or sold).</summary>
[GenerateSerializer]
[Alias("shop.inventory.Reservation")]
internal sealed record Reservation([Id(0)] int Quantity, [Id(1)] ReservationStatus Status, [Id(2)] DateTimeOffset? SettledAt = null);
