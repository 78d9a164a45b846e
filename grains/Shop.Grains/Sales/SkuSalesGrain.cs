using Orleans;
using Orleans.Runtime;
using Orleans.Streams;
using Shop.Diagnostics;
using Shop.Events;
using Shop.Infrastructure;

namespace Shop.Sales;

/// <summary>
/// Projects a SKU's stock events into its sales. Subscribed implicitly to the SKU's inventory stream; each
/// event changes the persisted state at most once, whether the stream delivers it again after a hand-over
/// (same token) or the inventory publishes it again (same event id).
/// </summary>
[ImplicitStreamSubscription(ShopStreams.Inventory)]
[GrainType("sku-sales")]
internal sealed class SkuSalesGrain(
    [PersistentState("sales", ShopStorage.Name)] IPersistentState<SkuSalesState> sales) : Grain, ISkuSalesGrain
{
    private const int RememberedEventIds = 256;

    private SkuSalesState State => sales.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        this.GetStreamProvider(ShopStreams.Provider).GetStream<StockChanged>(ShopStreamIds.InventoryOf(this.GetPrimaryKeyString()))
            .SubscribeAsync(Apply);

    public Task<SkuSales> GetSales() =>
        Task.FromResult(new SkuSales(this.GetPrimaryKeyString(), State.UnitsSold, State.UnitsReturned, State.Orders, State.LastSaleAt));

    private async Task Apply(StockChanged change, StreamSequenceToken? token)
    {
        using var activity = ShopActivities.StartDelivery(change, ShopStreams.Inventory);
        if (token is not null && !IsNewer(token)) return;
        if (token is not null)
        {
            State.LastSequence = token.SequenceNumber;
            State.LastIndex = token.EventIndex;
        }

        // Reservations and releases do not change sales: no write. The token kept in memory only is harmless,
        // since a redelivery after a reload repeats events that changed nothing or were stored with a newer token.
        if (State.RecentEventIds.Contains(change.EventId) || !Project(change)) return;

        State.RecentEventIds.Add(change.EventId);
        if (State.RecentEventIds.Count > RememberedEventIds) State.RecentEventIds.RemoveAt(0);
        await this.PersistAsync(sales);
    }

    private bool IsNewer(StreamSequenceToken token) =>
        token.SequenceNumber > State.LastSequence || (token.SequenceNumber == State.LastSequence && token.EventIndex > State.LastIndex);

    private bool Project(StockChanged change)
    {
        switch (change.Change)
        {
            case StockChange.Committed:
                State.UnitsSold += change.Quantity;
                State.Orders++;
                State.LastSaleAt = change.OccurredAt;
                return true;
            case StockChange.Returned:
                State.UnitsSold -= change.Quantity;
                State.UnitsReturned += change.Quantity;
                State.Orders--;
                return true;
            default:
                return false;
        }
    }
}
