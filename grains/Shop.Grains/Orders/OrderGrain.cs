using Orleans;
using Orleans.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Catalog;
using Shop.Diagnostics;
using Shop.Events;
using Shop.Infrastructure;
using Shop.Users;

namespace Shop.Orders;

/// <summary>
/// One order and its saga (the steps are in OrderGrain.Saga.cs). Every step is idempotent per order, so the
/// saga can be re-run from the top after any failure. While the order is unsettled a timer re-runs it soon, and
/// a durable reminder (OrderGrain.Settlement.cs) re-activates the order if its silo died, so no order stays Pending.
/// </summary>
[GrainType("order")]
internal sealed partial class OrderGrain(
    [PersistentState("order", ShopStorage.Name)] IPersistentState<OrderState> order,
    IOptions<OrderSettlementOptions> options,
    TimeProvider time,
    ShopMetrics metrics,
    ILogger<OrderGrain> logger) : Grain, IOrderGrain, IRemindable
{
    private OrderState State => order.State;

    private Guid Id => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!order.RecordExists) return;
        await this.TryPublishAsync(State.Outbox, ShopStreamIds.OrdersOf(State.UserId), logger);
        if (State.IsUnsettled)
        {
            _reminderMayExist = true;
            ScheduleRetry();
        }
    }

    public async Task<OrderSnapshot> Place(PlaceOrder command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (order.RecordExists) return Snapshot();
        ValidateLines(command.Lines);

        var now = time.GetUtcNow();
        State.UserId = command.UserId;
        State.PlacedAt = State.UpdatedAt = now;
        State.Status = OrderStatus.Pending;
        State.Intent = OrderIntent.Complete;
        var profile = await GrainFactory.GetGrain<IUserGrain>(command.UserId).GetProfile();
        var products = await Task.WhenAll(command.Lines.Select(line => GrainFactory.GetGrain<IProductGrain>(line.Sku).Get()));
        State.Lines = [.. command.Lines.Zip(products, (line, product) => new OrderLine(line.Sku, line.Quantity, product?.Price ?? 0m))];
        State.Total = State.Lines.Sum(line => line.Amount);
        State.Outbox.Add(new OrderPlaced(OrderEvent.IdFor(Id, OrderStatus.Pending), now, Id, State.UserId, State.Total));

        if (profile is not null) await GrainFactory.GetGrain<IUserOrdersGrain>(command.UserId).Track(Id);
        var refusal = profile is null ? $"unknown user {command.UserId}"
            : products.Select((product, i) => product is null ? $"unknown product {command.Lines[i].Sku}" : null).FirstOrDefault(r => r is not null);
        if (refusal is not null)
        {
            // Nothing was reserved or debited yet: the order is rejected without compensation.
            await FinishAsync(OrderStatus.Rejected, refusal);
            metrics.OrderPlaced();
            return Snapshot();
        }

        // The reminder goes first: once the Pending order is stored, something is always due to settle it.
        await EnsureReminderAsync();
        await this.PersistAsync(order);
        LogPlaced(Id, State.UserId, State.Lines.Count, State.Total);
        metrics.OrderPlaced();
        await this.TryPublishAsync(State.Outbox, ShopStreamIds.OrdersOf(State.UserId), logger);
        await TrySettleAsync();
        return Snapshot();
    }

    public Task<OrderSnapshot?> Get() => Task.FromResult(order.RecordExists ? Snapshot() : null);

    public async Task<CancelOrderResult> Cancel()
    {
        if (!order.RecordExists) return new CancelOrderResult(false, null, "the order does not exist");
        if (State.Status is OrderStatus.Rejected or OrderStatus.Cancelled)
            return new CancelOrderResult(false, Snapshot(), $"the order is already {State.Status}");

        if (State.Intent != OrderIntent.Cancel)
        {
            State.Intent = OrderIntent.Cancel;
            State.Reason = null;
            await this.PersistAsync(order);
            await EnsureReminderAsync();
        }

        await TrySettleAsync();
        return new CancelOrderResult(true, Snapshot());
    }

    public async Task<OrderSnapshot?> Settle()
    {
        if (!order.RecordExists) return null;
        await TrySettleAsync();
        return Snapshot();
    }

    private static void ValidateLines(IReadOnlyList<OrderLineRequest> lines)
    {
        if (lines is null || lines.Count == 0) throw new ArgumentException("An order needs at least one line.", nameof(lines));
        if (lines.Any(line => line.Quantity <= 0)) throw new ArgumentException("Every line needs a positive quantity.", nameof(lines));
        if (lines.DistinctBy(line => line.Sku, StringComparer.Ordinal).Count() != lines.Count)
            throw new ArgumentException("Each SKU may appear on one line only.", nameof(lines));
    }

    private OrderSnapshot Snapshot() =>
        new(Id, State.UserId, State.Status, State.Lines.ToArray(), State.Total, State.Reason, State.PlacedAt, State.UpdatedAt);
}
