using Orleans;
using Orleans.Runtime;
using Shop.Events;
using Shop.Infrastructure;
using Shop.Inventory;
using Shop.Users;

namespace Shop.Orders;

internal sealed partial class OrderGrain
{
    private string DebitOperationId => $"order-{Id:N}-debit";

    private string RefundOperationId => $"order-{Id:N}-refund";

    /// <summary>Runs the saga; an error leaves the order as it is and the settlement timer tries again.</summary>
    private async Task TrySettleAsync()
    {
        try
        {
            await SettleAsync();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            State.FailedAttempts++;
            LogSettlementFailed(exception, Id, State.Status, State.Intent, State.FailedAttempts);
        }

        if (IsUnsettled) ScheduleRetry();
        else await StopSettlementAsync();
    }

    /// <summary>False for an order that was never stored (a reminder registered just before a failed first write).</summary>
    private bool IsUnsettled => order.RecordExists && State.IsUnsettled;

    private async Task SettleAsync()
    {
        if (!IsUnsettled) return;
        if (State.Intent == OrderIntent.Complete && time.GetUtcNow() - State.PlacedAt > options.Value.PendingTimeout)
            await DecideAsync(OrderIntent.Reject, $"the order could not be settled within {options.Value.PendingTimeout}");

        switch (State.Intent)
        {
            case OrderIntent.Complete:
                await CompleteAsync();
                break;
            case OrderIntent.Reject:
                await CompensateAsync();
                await FinishAsync(OrderStatus.Rejected, State.Reason);
                break;
            case OrderIntent.Cancel:
                await CompensateAsync();
                await FinishAsync(OrderStatus.Cancelled, null);
                break;
        }
    }

    /// <summary>Reserve every line, debit the wallet, commit the reservations. A refusal turns the saga towards Rejected.</summary>
    private async Task CompleteAsync()
    {
        var reserved = await Task.WhenAll(State.Lines.Select(line => Inventory(line.Sku).Reserve(Id, line.Quantity)));
        var missing = State.Lines.Where((_, i) => !reserved[i]).Select(line => line.Sku).ToList();
        if (missing.Count > 0)
        {
            await RejectAsync($"insufficient stock for {string.Join(", ", missing)}");
            return;
        }

        if (State.Total > 0)
        {
            var debit = await GrainFactory.GetGrain<IWalletGrain>(State.UserId).Debit(DebitOperationId, State.Total);
            if (!debit.Succeeded)
            {
                await RejectAsync(debit.FailureReason ?? "the payment was refused");
                return;
            }
        }

        await Task.WhenAll(State.Lines.Select(line => Inventory(line.Sku).Commit(Id)));
        await FinishAsync(OrderStatus.Confirmed, null);
    }

    private async Task RejectAsync(string reason)
    {
        await DecideAsync(OrderIntent.Reject, reason);
        await CompensateAsync();
        await FinishAsync(OrderStatus.Rejected, reason);
    }

    /// <summary>
    /// Gives back whatever the order holds: reserved units are released, sold units returned, the debit refunded.
    /// Each call does nothing for what the order does not hold, so compensation never needs to know how far the saga got.
    /// </summary>
    private async Task CompensateAsync()
    {
        await Task.WhenAll(State.Lines.Select(async line =>
        {
            await Inventory(line.Sku).Release(Id);
            await Inventory(line.Sku).Return(Id);
        }));
        await GrainFactory.GetGrain<IWalletGrain>(State.UserId).Refund(RefundOperationId, DebitOperationId);
    }

    /// <summary>Stores where the saga is heading before it goes there, so a retry after a crash goes the same way.</summary>
    private async Task DecideAsync(OrderIntent intent, string reason)
    {
        State.Intent = intent;
        State.Reason = reason;
        await this.PersistAsync(order);
    }

    private async Task FinishAsync(OrderStatus status, string? reason)
    {
        var now = time.GetUtcNow();
        State.Status = status;
        State.Reason = reason;
        State.UpdatedAt = now;
        State.Outbox.Add(status switch
        {
            OrderStatus.Confirmed => new OrderConfirmed(OrderEvent.IdFor(Id, status), now, Id, State.UserId, State.Total),
            OrderStatus.Rejected => new OrderRejected(OrderEvent.IdFor(Id, status), now, Id, State.UserId, State.Total, reason ?? "rejected"),
            _ => new OrderCancelled(OrderEvent.IdFor(Id, status), now, Id, State.UserId, State.Total),
        });
        await this.PersistAsync(order);
        LogFinished(Id, status, reason);
        metrics.OrderFinished(status, now - State.PlacedAt);
        await this.TryPublishAsync(State.Outbox, ShopStreamIds.OrdersOf(State.UserId), logger);
    }

    private IInventoryGrain Inventory(string sku) => GrainFactory.GetGrain<IInventoryGrain>(sku);
}
