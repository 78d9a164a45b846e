using Orleans;
using Orleans.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Events;
using Shop.Infrastructure;

namespace Shop.Inventory;

/// <summary>
/// The stock of one SKU. Requests run one at a time on this activation, so checking and taking stock is a
/// single step: concurrent orders can never take more than is available.
/// </summary>
[GrainType("inventory")]
internal sealed class InventoryGrain(
    [PersistentState("inventory", ShopStorage.Name)] IPersistentState<InventoryState> inventory,
    IOptions<RetentionOptions> retention,
    TimeProvider time,
    ILogger<InventoryGrain> logger) : Grain, IInventoryGrain
{
    private InventoryState State => inventory.State;

    private string Sku => this.GetPrimaryKeyString();

    public async Task<StockLevel> AddStock(string operationId, int quantity)
    {
        ArgumentException.ThrowIfNullOrEmpty(operationId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        if (State.Additions.ContainsKey(operationId)) return State.Level();

        var now = time.GetUtcNow();
        State.Available += quantity;
        State.Added += quantity;
        State.ForgetAdditionsBefore(now - retention.Value.StockAdditions);
        State.Additions[operationId] = now;
        await SaveAsync(StockChange.Added, quantity, orderId: null, $"stock-{Sku}-added-{operationId}");
        return State.Level();
    }

    public async Task<bool> Reserve(Guid orderId, int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        if (State.Reservations.TryGetValue(orderId, out var existing))
            return existing.Status is ReservationStatus.Reserved or ReservationStatus.Committed;
        if (State.Available < quantity) return false;

        State.Available -= quantity;
        State.Reserved += quantity;
        State.Reservations[orderId] = new Reservation(quantity, ReservationStatus.Reserved);
        await SaveAsync(StockChange.Reserved, quantity, orderId);
        return true;
    }

    public Task<StockLevel> Release(Guid orderId) =>
        Move(orderId, ReservationStatus.Reserved, ReservationStatus.Released, StockChange.Released, (state, q) =>
        {
            state.Reserved -= q;
            state.Available += q;
        });

    public Task<StockLevel> Commit(Guid orderId) =>
        Move(orderId, ReservationStatus.Reserved, ReservationStatus.Committed, StockChange.Committed, (state, q) =>
        {
            state.Reserved -= q;
            state.Sold += q;
        });

    public Task<StockLevel> Return(Guid orderId) =>
        Move(orderId, ReservationStatus.Committed, ReservationStatus.Returned, StockChange.Returned, (state, q) =>
        {
            state.Sold -= q;
            state.Available += q;
        });

    public Task<StockLevel> GetLevel() => Task.FromResult(State.Level());

    /// <summary>Moves an order's units from one bucket to another when they are in <paramref name="from"/>; otherwise does nothing.</summary>
    private async Task<StockLevel> Move(Guid orderId, ReservationStatus from, ReservationStatus to, StockChange change, Action<InventoryState, int> apply)
    {
        if (!State.Reservations.TryGetValue(orderId, out var reservation) || reservation.Status != from) return State.Level();
        apply(State, reservation.Quantity);
        var settled = to is ReservationStatus.Released or ReservationStatus.Returned;
        State.Reservations[orderId] = reservation with { Status = to, SettledAt = settled ? time.GetUtcNow() : null };
        await SaveAsync(change, reservation.Quantity, orderId);
        return State.Level();
    }

    private async Task SaveAsync(StockChange change, int quantity, Guid? orderId, string? eventId = null)
    {
        eventId ??= $"stock-{Sku}-{change.ToString().ToLowerInvariant()}-{orderId:N}";
        var now = time.GetUtcNow();
        State.Outbox.Add(new StockChanged(eventId, now, Sku, change, quantity, orderId, State.Level()));
        State.ForgetSettledBefore(now - retention.Value.SettledReservations);
        await this.PersistAsync(inventory);
        await this.TryPublishAsync(State.Outbox, ShopStreamIds.InventoryOf(Sku), logger);
    }
}
