using Granary.Hosting;
using Granary.Reminders;
using Granary.Runtime.Tests.Grains;
using Granary.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Runtime.Tests.Reminders;

/// <summary>Reminders on the in-memory table and a manual clock: a cluster per test, since each owns its time.</summary>
public sealed class ReminderTests : IAsyncLifetime
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(5);
    private readonly Probe _probe = new();
    private readonly ManualTimeProvider _time = new();
    private readonly InMemoryReminderTable _table = new();
    private TestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private Task<TestCluster> StartAsync(bool withReminders = true)
    {
        var options = ClusterFixture.Options(_probe, _time, silo =>
        {
            if (withReminders) silo.UseReminderTable(_ => _table);
        });
        options.Configuration["Granary:Reminders:MinimumReminderPeriod"] = "00:00:05";
        return TestCluster.StartAsync(options);
    }

    private IReminderGrain Grain(string key) => _cluster.GrainFactory.GetGrain<IReminderGrain>(key);

    private int LocalReminders => _cluster.Services.GetRequiredService<ReminderService>().LocalCount;

    private string Tick(string key, string name, int n) => Assert.Single(_probe.Events, e => e.StartsWith($"reminder:{key}:{name}:{n}@", StringComparison.Ordinal));

    [Fact]
    public async Task A_reminder_fires_at_its_due_time_and_then_every_period()
    {
        await Grain("every").Register("r", TimeSpan.FromSeconds(10), Period);
        _time.Advance(TimeSpan.FromSeconds(9));
        _time.Advance(TimeSpan.FromSeconds(1));
        await _probe.WaitFor("reminder:every:r:1");
        Assert.StartsWith("reminder:every:r:1@00:00:10 first 00:00:10 every 00:00:05", Tick("every", "r", 1), StringComparison.Ordinal);

        _time.Advance(Period);
        await _probe.WaitFor("reminder:every:r:2");
        Assert.StartsWith("reminder:every:r:2@00:00:15 first 00:00:10", Tick("every", "r", 2), StringComparison.Ordinal);
        Assert.Equal(2, _probe.Count("reminder:every:r"));
    }

    [Fact]
    public async Task Unregistering_stops_the_reminder_and_removes_it()
    {
        var grain = Grain("unregister");
        await grain.Register("r", TimeSpan.Zero, Period);
        _time.Advance(TimeSpan.Zero);
        await _probe.WaitFor("reminder:unregister:r:1");

        Assert.True(await grain.Unregister("r"));
        Assert.Empty(await grain.Names());
        Assert.Equal(0, LocalReminders);
        _time.Advance(Period * 4);
        Assert.Equal(1, _probe.Count("reminder:unregister:r"));
        Assert.False(await grain.Unregister("r"));
    }

    [Fact]
    public async Task Registering_again_reschedules_the_same_reminder()
    {
        var grain = Grain("again");
        await grain.Register("r", TimeSpan.FromSeconds(10), Period);
        await grain.Register("r", TimeSpan.FromSeconds(30), Period);
        Assert.Equal(["r"], await grain.Names());
        Assert.Equal(1, LocalReminders);

        _time.Advance(TimeSpan.FromSeconds(30));
        await _probe.WaitFor("reminder:again:r:1");
        Assert.StartsWith("reminder:again:r:1@00:00:30", Tick("again", "r", 1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_reminders_of_one_grain_fire_on_their_own_schedules()
    {
        var grain = Grain("several");
        await grain.Register("fast", TimeSpan.FromSeconds(5), Period);
        await grain.Register("slow", TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(1));
        Assert.Equal(["fast", "slow"], await grain.Names());

        for (var n = 1; n <= 4; n++)
        {
            _time.Advance(Period);
            await _probe.WaitFor($"reminder:several:fast:{n}");
        }

        await _probe.WaitFor("reminder:several:slow:1");
        Assert.Equal(1, _probe.Count("reminder:several:slow"));
    }

    [Fact]
    public async Task A_period_below_the_minimum_is_refused_naming_the_setting()
    {
        var failure = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Grain("short").Register("r", TimeSpan.Zero, TimeSpan.FromSeconds(1)));
        Assert.Contains("Granary:Reminders:MinimumReminderPeriod", failure.Message);
        Assert.Empty(await Grain("short").Names());
    }

    [Fact]
    public async Task A_grain_that_is_not_remindable_cannot_register()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => _cluster.GrainFactory.GetGrain<INotRemindableGrain>("plain").Register("r"));
        Assert.Contains("IRemindable", failure.Message);
    }

    [Fact]
    public async Task A_due_reminder_activates_its_grain()
    {
        var grain = Grain("sleeper");
        var first = await grain.InstanceId();
        await grain.Register("wake", TimeSpan.FromSeconds(10), Period);
        await grain.Deactivate();
        await _probe.WaitFor("deactivated:sleeper");

        _time.Advance(TimeSpan.FromSeconds(10));
        await _probe.WaitFor("reminder:sleeper:wake:1");
        Assert.Equal(2, _probe.Count("activated:sleeper"));
        Assert.DoesNotContain(first, Tick("sleeper", "wake", 1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grain_interface_inheriting_IRemindable_receives_its_reminders()
    {
        await _cluster.GrainFactory.GetGrain<IRemindableInterfaceGrain>("iface").Register("r", TimeSpan.FromSeconds(5), Period);
        _time.Advance(TimeSpan.FromSeconds(5));
        await _probe.WaitFor("interface-reminder:iface:r:1");
    }

    [Fact]
    public async Task Reminders_outlive_the_silo_and_the_next_silo_fires_each_tick_once()
    {
        await Grain("durable").Register("r", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
        _time.Advance(TimeSpan.FromSeconds(10));
        await _probe.WaitFor("reminder:durable:r:1");
        await _cluster.DisposeAsync();

        _cluster = await StartAsync();
        Assert.Equal(1, LocalReminders);
        _time.Advance(TimeSpan.FromSeconds(10));
        await _probe.WaitFor("reminder:durable:r:2");
        _time.Advance(TimeSpan.FromSeconds(10));
        await _probe.WaitFor("reminder:durable:r:3");
        Assert.Equal(3, _probe.Count("reminder:durable:r"));
        Assert.StartsWith("reminder:durable:r:2@00:00:20", Tick("durable", "r", 2), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_reminder_service_registering_fails_with_how_to_add_one()
    {
        await using var bare = await StartAsync(withReminders: false);
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => bare.GrainFactory.GetGrain<IReminderGrain>("bare").Register("r", TimeSpan.Zero, Period));
        Assert.Contains("UseInMemoryReminderService", failure.Message);
    }
}
