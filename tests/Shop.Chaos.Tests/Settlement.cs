using System.Diagnostics;
using Granary;
using Shop.Inventory;
using Shop.Orders;
using Shop.Testing;
using Shop.Users;

namespace Shop.Chaos.Tests;

/// <summary>After the chaos: lets the sagas settle, then holds the cluster to the shop's invariants and to what clients were told.</summary>
internal static class Settlement
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Checks the invariants until no order is Pending any more or <paramref name="deadline"/> passes (an unsettled
    /// order is then a violation in the report returned). A check that meets a transient failure is simply repeated.
    /// </summary>
    public static async Task<(InvariantReport Report, TimeSpan Waited)> WaitSettledAsync(IGrainFactory grains, ShopLedger ledger, TimeSpan deadline)
    {
        var watch = Stopwatch.StartNew();
        Exception? last = null;
        while (true)
        {
            try
            {
                var report = await ShopInvariants.CheckAsync(grains, ledger.Users, ledger.Skus);
                if (report.UnsettledOrders == 0 || watch.Elapsed > deadline) return (report, watch.Elapsed);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                last = exception;
                if (watch.Elapsed > deadline) throw new TimeoutException($"The invariants could not be read within {deadline}.", last);
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>What the cluster must hold because a client was told so: each broken promise as a line.</summary>
    public static async Task<List<string>> BrokenPromisesAsync(IGrainFactory grains, ShopLedger ledger)
    {
        var broken = new List<string>();
        foreach (var (orderId, user) in ledger.AcknowledgedOrders)
        {
            var order = await grains.GetGrain<IOrderGrain>(orderId).Get();
            if (order is null) broken.Add($"order {orderId} was acknowledged to a client but does not exist");
            else if (order.Status == OrderStatus.Pending) broken.Add($"order {orderId} is still Pending");
            else if (order.UserId != user) broken.Add($"order {orderId} belongs to {order.UserId}, not to {user} who placed it");
            else if (ledger.AcknowledgedCancels.ContainsKey(orderId) && order.Status != OrderStatus.Cancelled)
                broken.Add($"order {orderId}'s cancellation was acknowledged, but it is {order.Status}");
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
            var level = await grains.GetGrain<IInventoryGrain>(sku).GetLevel();
            if (level.Added < added) broken.Add($"stock {sku}: {level.Added} units added, but clients were told {added}");
        }

        return broken;
    }
}
