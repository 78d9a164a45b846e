using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans;
using Orleans.TestingHost;
using Shop.Orders;
using Shop.Testing;

namespace Shop.Grains.Tests;

/// <summary>Orders left Pending are driven to a final state by the retry timer, the durable reminder and the pending timeout, on a fake clock.</summary>
public sealed class PendingSettlementTests : IAsyncLifetime
{
    private readonly Faults _faults = new();
    private readonly FakeTimeProvider _time = new();
    private InProcessTestCluster _cluster = null!;
    private Shopper _shop = null!;

    public async Task InitializeAsync()
    {
        _cluster = await ShopCluster.StartAsync(_faults, new RecordingTransport(), _time, new Dictionary<string, string?>
        {
            ["Shop:Orders:RetryInterval"] = "00:00:10",
            ["Shop:Orders:ReminderPeriod"] = "00:01:00",
            ["Shop:Orders:PendingTimeout"] = "00:02:00",
        });
        _shop = new Shopper(_cluster.Client);
    }

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();

    [Fact]
    public async Task The_retry_timer_confirms_an_order_once_its_failing_step_recovers()
    {
        var user = await _shop.UserWith(10m);
        var sku = await _shop.ProductWith(1m, stock: 2);
        _faults.Arm("IWalletGrain.Debit", user.ToString("N"), times: 1);
        var pending = await _shop.Place(user, (sku, 2));
        Assert.Equal(OrderStatus.Pending, pending.Status);

        _time.Advance(TimeSpan.FromSeconds(10));

        await Eventually.Matches(() => _shop.Order(pending.Id).Get(), o => o!.Status == OrderStatus.Confirmed, "the order is confirmed");
        Assert.Equal(8m, await _shop.Balance(user));
        Assert.Null(await Reminder(pending.Id));
    }

    [Fact]
    public async Task An_order_that_cannot_settle_is_rejected_and_compensated_after_the_pending_timeout()
    {
        var user = await _shop.UserWith(10m);
        var sku = await _shop.ProductWith(1m, stock: 2);
        _faults.Arm("IWalletGrain.Debit", user.ToString("N"));
        var pending = await _shop.Place(user, (sku, 2));
        Assert.Equal(0, await _shop.Available(sku));

        for (var elapsed = 0; elapsed <= 130; elapsed += 10) _time.Advance(TimeSpan.FromSeconds(10));

        var rejected = await Eventually.Matches(() => _shop.Order(pending.Id).Get(), o => o!.Status != OrderStatus.Pending, "the order settles");
        Assert.Equal(OrderStatus.Rejected, rejected!.Status);
        Assert.Contains("could not be settled", rejected.Reason);
        Assert.Equal(new(2, 0, 0, 2), await _shop.Stock(sku).GetLevel());
        Assert.Equal(10m, await _shop.Balance(user));
        (await ShopInvariants.CheckAsync(_cluster.Client, [user], [sku])).ThrowIfViolated();
    }

    [Fact]
    public async Task A_pending_order_holds_a_durable_reminder_until_it_settles()
    {
        var user = await _shop.UserWith(10m);
        var sku = await _shop.ProductWith(1m, stock: 2);
        _faults.Arm("IInventoryGrain.Commit", sku, times: 1);
        var pending = await _shop.Place(user, (sku, 1));

        Assert.NotNull(await Reminder(pending.Id));
        await _shop.Order(pending.Id).Settle();
        Assert.Null(await Reminder(pending.Id));
    }

    private async Task<ReminderEntry?> Reminder(Guid orderId)
    {
        var table = _cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();
        return await table.ReadRow(_shop.Order(orderId).GetGrainId(), "settle");
    }
}

/// <summary>With the retry timer out of the way, the reminder alone settles a pending order: what happens after a silo died.</summary>
public sealed class ReminderSettlementTests : IAsyncLifetime
{
    private readonly Faults _faults = new();
    private readonly FakeTimeProvider _time = new();
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() =>
        _cluster = await ShopCluster.StartAsync(_faults, new RecordingTransport(), _time, new Dictionary<string, string?>
        {
            ["Shop:Orders:RetryInterval"] = "01:00:00",
            ["Shop:Orders:ReminderPeriod"] = "00:01:00",
        });

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();

    [Fact]
    public async Task The_reminder_confirms_a_pending_order()
    {
        var shop = new Shopper(_cluster.Client);
        var user = await shop.UserWith(10m);
        var sku = await shop.ProductWith(1m, stock: 2);
        _faults.Arm("IInventoryGrain.Commit", sku, times: 1);
        var pending = await shop.Place(user, (sku, 2));
        Assert.Equal(OrderStatus.Pending, pending.Status);

        _time.Advance(TimeSpan.FromMinutes(1));

        await Eventually.Matches(() => shop.Order(pending.Id).Get(), o => o!.Status == OrderStatus.Confirmed, "the reminder confirms the order");
        Assert.Equal(new(0, 0, 2, 2), await shop.Stock(sku).GetLevel());
    }
}
