using Shop.Cluster.Testing;
using Shop.Inventory;
using Shop.Orders;
using Shop.Testing;
using Shop.Users;
using Eventually = Shop.Cluster.Testing.Eventually;

namespace Shop.Chaos.Tests;

/// <summary>After the chaos: waits for the sagas to settle, then holds the cluster to the shop's invariants and to what clients were told.</summary>
internal static class Settlement
{
    /// <summary>
    /// Re-checks the invariants until no order is Pending any more (reading an order activates it, and an active
    /// unsettled order drives its saga on); a check that meets a transient failure is simply repeated.
    /// Returns the settled report and how long it took.
    /// </summary>
    public static async Task<(InvariantReport Report, TimeSpan Waited)> WaitSettledAsync(IGrainFactory grains, ShopLedger ledger, TimeSpan deadline)
    {
        InvariantReport? settled = null;
        Exception? last = null;
        try
        {
            var waited = await Eventually.HoldsAsync("every order settled", deadline, async () =>
            {
                try
                {
                    var report = await ShopInvariants.CheckAsync(grains, ledger.Users, ledger.Skus);
                    if (report.UnsettledOrders == 0) settled = report;
                }
                catch (Exception exception) when (exception is TimeoutException or OrleansException or SiloUnavailableException)
                {
                    last = exception;
                }

                return settled is not null;
            });
            return (settled!, waited);
        }
        catch (TimeoutException timeout) when (last is not null)
        {
            throw new TimeoutException(timeout.Message, last);
        }
    }

    /// <summary>What the cluster must hold because a client was told so: each broken promise as a line.</summary>
    public static async Task<List<string>> BrokenPromisesAsync(IGrainFactory grains, ShopLedger ledger)
    {
        var broken = new List<string>();
        foreach (var (orderId, user) in ledger.AcknowledgedOrders)
        {
            var order = await grains.GetGrain<IOrderGrain>(orderId).Get();
            if (order is null) broken.Add($"order {orderId} was acknowledged but does not exist");
            else if (order.Status == OrderStatus.Pending) broken.Add($"order {orderId} is still Pending");
            else if (order.UserId != user) broken.Add($"order {orderId} belongs to {order.UserId}, not to {user} who placed it");
            else if (ledger.Cancelled.ContainsKey(orderId) && order.Status != OrderStatus.Cancelled)
                broken.Add($"order {orderId} was reported Cancelled, but it is {order.Status}");
        }

        foreach (var user in ledger.Users)
        {
            var wallet = await grains.GetGrain<IWalletGrain>(user).GetSnapshot();
            var acknowledged = ledger.AcknowledgedDeposits.GetValueOrDefault(user);
            var uncertain = ledger.UncertainDeposits.GetValueOrDefault(user);
            if (wallet.Deposited < acknowledged || wallet.Deposited > acknowledged + uncertain)
                broken.Add($"user {user}: deposited {wallet.Deposited}, but clients were told {acknowledged} (plus at most {uncertain} unanswered)");
        }

        foreach (var (sku, added) in ledger.AcknowledgedStock)
        {
            // Only the lower bound: AddStock carries no operation id, so a retried addition may count twice (reported apart).
            var level = await grains.GetGrain<IInventoryGrain>(sku).GetLevel();
            if (level.Added < added) broken.Add($"stock {sku}: {level.Added} units added, but clients were told {added}");
        }

        return broken;
    }

    /// <summary>Stock additions applied more often than clients asked for (a retried addition applied twice).</summary>
    public static async Task<List<string>> RepeatedStockAsync(IGrainFactory grains, ShopLedger ledger)
    {
        var repeated = new List<string>();
        foreach (var sku in ledger.Skus)
        {
            var level = await grains.GetGrain<IInventoryGrain>(sku).GetLevel();
            var most = ledger.AcknowledgedStock.GetValueOrDefault(sku) + ledger.UncertainStock.GetValueOrDefault(sku);
            if (level.Added > most) repeated.Add($"stock {sku}: {level.Added} units added, clients asked for at most {most}");
        }

        return repeated;
    }
}
