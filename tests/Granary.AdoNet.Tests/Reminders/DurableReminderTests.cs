using Granary.AdoNet.Tests.Grains;
using Granary.Testing;

namespace Granary.AdoNet.Tests.Reminders;

/// <summary>Reminders kept in PostgreSQL on a manual clock: on schedule, across a silo stop, across a full restart.</summary>
public sealed class DurableReminderTests(SchemaFixture schema) : IClassFixture<SchemaFixture>
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(10);
    private readonly Probe _probe = new();

    private Task<TestCluster> StartAsync(string serviceId, ManualTimeProvider time, Probe? probe = null) =>
        TestCluster.StartAsync(Silo.Options(schema.ConnectionString, serviceId, probe ?? _probe, time, reminders: true));

    private string Tick(string key, int n) => Assert.Single(_probe.Events, e => e.StartsWith($"tick:{key}:{n}@", StringComparison.Ordinal));

    [Fact]
    public async Task Reminders_are_stored_in_the_table_and_fire_on_schedule()
    {
        var time = new ManualTimeProvider();
        await using var cluster = await StartAsync("schedule", time);
        await cluster.GrainFactory.GetGrain<IDurableReminderGrain>("g").Register("r", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5));
        Assert.Equal(1, await Postgres.ScalarAsync<long>(schema.ConnectionString, "SELECT count(*) FROM granary_reminders WHERE service_id = 'schedule'"));

        time.Advance(TimeSpan.FromSeconds(10));
        await _probe.WaitFor("tick:g:1");
        Assert.Equal("tick:g:1@00:00:10", Tick("g", 1));
        time.Advance(TimeSpan.FromSeconds(5));
        await _probe.WaitFor("tick:g:2");
        Assert.Equal("tick:g:2@00:00:15", Tick("g", 2));
    }

    [Fact]
    public async Task After_a_silo_stops_the_next_silo_fires_its_reminders_once_each()
    {
        var time = new ManualTimeProvider();
        var first = await StartAsync("handover", time);
        var grain = first.GrainFactory.GetGrain<IDurableReminderGrain>("g");
        await grain.Register("r", Period, Period);
        time.Advance(Period);
        await _probe.WaitFor("tick:g:1");
        await first.DisposeAsync();

        await using var second = await StartAsync("handover", time);
        time.Advance(Period);
        await _probe.WaitFor("tick:g:2");
        time.Advance(Period);
        await _probe.WaitFor("tick:g:3");

        Assert.Equal(3, _probe.Count("tick:g"));
        Assert.Equal(3, await second.GrainFactory.GetGrain<IDurableReminderGrain>("g").Ticks());
        Assert.Equal("tick:g:3@00:00:30", Tick("g", 3));
    }

    [Fact]
    public async Task Reminders_and_grain_state_survive_a_full_restart()
    {
        var before = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using (var cluster = await StartAsync("restart", before))
        {
            await cluster.GrainFactory.GetGrain<IDurableReminderGrain>("g").Register("r", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            before.Advance(TimeSpan.FromMinutes(1));
            await _probe.WaitFor("tick:g:1");
        }

        // Everything in the process is new; only the database remains. The silo comes back 90 s later.
        var after = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 2, 30, TimeSpan.Zero));
        var probe = new Probe();
        await using var restarted = await StartAsync("restart", after, probe);
        after.Advance(TimeSpan.FromSeconds(30));
        await probe.WaitFor("tick:g:2");
        Assert.Equal(["tick:g:2@00:03:00"], probe.Events);
        Assert.Equal(2, await restarted.GrainFactory.GetGrain<IDurableReminderGrain>("g").Ticks());
    }
}
