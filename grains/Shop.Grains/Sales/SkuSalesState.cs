using Orleans;

namespace Shop.Sales;

/// <summary>A SKU's sales and what the projection already applied.</summary>
[GenerateSerializer]
[Alias("shop.sales.SkuSalesState")]
internal sealed class SkuSalesState
{
    [Id(0)]
    public int UnitsSold { get; set; }

    [Id(1)]
    public int UnitsReturned { get; set; }

    [Id(2)]
    public int Orders { get; set; }

    [Id(3)]
    public DateTimeOffset? LastSaleAt { get; set; }

    /// <summary>Sequence number and index of the last applied stream token: a redelivered batch is skipped by it.</summary>
    [Id(4)]
    public long LastSequence { get; set; } = -1;

    [Id(5)]
    public int LastIndex { get; set; } = -1;

    /// <summary>
    /// Ids of the latest applied events, newest last: an event published again from the inventory's outbox gets a
    /// new token but keeps its id. Republishing happens right after a failed publish, so a short memory suffices.
    /// </summary>
    [Id(6)]
    public List<string> RecentEventIds { get; set; } = [];
}
