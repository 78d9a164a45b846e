using Granary.Catalog;
using Granary.Runtime.Tests.Grains;
using Granary.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Runtime.Tests;

/// <summary>Timers and idle collection on a manual clock: a cluster per test, since each owns its time.</summary>
public sealed class TimerAndCollectionTests : IAsyncLifetime
{
    private readonly Probe _probe = new();
    private readonly ManualTimeProvider _time = new();
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var options = ClusterFixture.Options(_probe, _time);
        options.Configuration["Granary:Collection:CollectionAge"] = "00:02:00";
        options.Configuration["Granary:Collection:CollectionQuantum"] = "00:01:00";
        _cluster = await TestCluster.StartAsync(options);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private ILifecycleGrain Grain(string key) => _cluster.GrainFactory.GetGrain<ILifecycleGrain>(key);

    [Fact]
    public async Task A_timer_ticks_at_its_due_time_and_then_every_period_until_disposed()
    {
        var grain = Grain("ticker");
        await grain.StartTimer(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), keepAlive: false, interleave: false);
        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, await grain.Ticks());

        _time.Advance(TimeSpan.FromSeconds(1));
        await _probe.WaitFor("tick:ticker:1");
        Assert.Equal(1, await grain.Ticks());
        _time.Advance(TimeSpan.FromSeconds(5));
        await _probe.WaitFor("tick:ticker:2");

        await grain.StopTimer();
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, await grain.Ticks());
    }

    [Fact]
    public async Task A_non_interleaving_tick_waits_for_the_running_request()
    {
        var grain = Grain("tick-waits");
        await grain.StartTimer(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan, keepAlive: false, interleave: false);
        var holding = grain.Hold("tick-waits-gate");
        await _probe.Entered("tick-waits-gate");
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(_probe.IsSignalled("tick:tick-waits:1"));
        _probe.Open("tick-waits-gate");
        await holding;
        await _probe.WaitFor("tick:tick-waits:1");
    }

    [Fact]
    public async Task An_interleaving_tick_runs_while_a_request_holds_the_turn()
    {
        var grain = Grain("tick-interleaves");
        await grain.StartTimer(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan, keepAlive: false, interleave: true);
        var holding = grain.Hold("tick-interleaves-gate");
        await _probe.Entered("tick-interleaves-gate");
        _time.Advance(TimeSpan.FromSeconds(1));
        await _probe.WaitFor("tick:tick-interleaves:1");
        _probe.Open("tick-interleaves-gate");
        await holding;
    }

    [Fact]
    public async Task An_idle_activation_is_collected_after_its_collection_age()
    {
        var grain = Grain("idle");
        var first = await grain.InstanceId();
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(first, await grain.InstanceId());

        _time.Advance(TimeSpan.FromMinutes(3));
        await _probe.WaitFor("deactivated:idle:1");
        Assert.Contains("idle:deactivate:ActivationIdle", _probe.Events);
        Assert.NotEqual(first, await grain.InstanceId());
    }

    [Fact]
    public async Task DelayDeactivation_keeps_an_idle_activation_alive()
    {
        var grain = Grain("kept");
        var first = await grain.InstanceId();
        await grain.KeepAliveFor(TimeSpan.FromMinutes(10));
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(first, await grain.InstanceId());
    }

    [Fact]
    public async Task A_keep_alive_timer_prevents_collection_and_a_plain_one_does_not()
    {
        var kept = Grain("timer-keeps");
        var plain = Grain("timer-plain");
        var keptId = await kept.InstanceId();
        var plainId = await plain.InstanceId();
        await kept.StartTimer(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), keepAlive: true, interleave: false);
        await plain.StartTimer(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), keepAlive: false, interleave: false);
        for (var tick = 1; tick <= 8; tick++)
        {
            _time.Advance(TimeSpan.FromSeconds(30));
            await _probe.WaitFor($"tick:timer-keeps:{tick}");
            await kept.Ticks();
        }

        await _probe.WaitFor("deactivated:timer-plain:1");
        Assert.Equal(keptId, await kept.InstanceId());
        Assert.NotEqual(plainId, await plain.InstanceId());
    }

    [Fact]
    public async Task CollectionAgeLimit_on_the_class_overrides_the_default()
    {
        var grain = _cluster.GrainFactory.GetGrain<ILongLivedGrain>("long-lived");
        await grain.Touch();
        _time.Advance(TimeSpan.FromMinutes(20));
        Assert.False(_probe.IsSignalled("deactivated:long-lived"));
        _time.Advance(TimeSpan.FromMinutes(11));
        await _probe.WaitFor("deactivated:long-lived");
    }

    [Fact]
    public async Task Stopping_the_silo_deactivates_every_activation()
    {
        await Grain("shutdown").InstanceId();
        await _cluster.StopAsync();
        Assert.Contains("shutdown:deactivate:ShuttingDown", _probe.Events);
        Assert.Equal(0, _cluster.Services.GetRequiredService<GrainCatalog>().Count);
    }
}
