using System.Diagnostics;
using Granary.Hosting;
using Granary.Reminders;
using Granary.Runtime.Tests.Grains;
using Granary.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Runtime.Tests.Reminders;

/// <summary>
/// A silo that owns reminders is killed in a live cluster: the survivor takes its reminders over and fires each
/// tick once. Real time, because failure detection runs on the same clock as the reminders.
/// </summary>
public sealed class ReminderFailoverTests
{
    private const int Grains = 16;
    // Long enough that a late delivery is not mistaken for the next tick (see TickNumbers).
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Reminders_of_a_killed_silo_fire_on_the_survivor_once_per_tick()
    {
        var probe = new Probe();
        var table = new InMemoryReminderTable();
        var options = ClusterFixture.Options(probe, silo: silo => silo.UseReminderTable(_ => table));
        options.InitialSilos = 2;
        options.Configuration["Granary:Reminders:MinimumReminderPeriod"] = "00:00:01";
        await using var cluster = await TestCluster.StartAsync(options);
        await Eventually.True(() => cluster.Silos.All(s => s.ActiveSiloCount == 2), "two active silos");

        var keys = Enumerable.Range(0, Grains).Select(i => $"failover-reminder-{i}").ToArray();
        await Task.WhenAll(keys.Select(k => cluster.GrainFactory.GetGrain<IReminderGrain>(k).Register("r", Period, Period)));
        await Task.WhenAll(keys.Select(k => probe.WaitFor($"reminder:{k}:r:1")));
        var (survivor, victim) = (cluster.Primary, cluster.Silos[1]);
        var victimOwned = LocalReminders(victim);
        Assert.True(victimOwned > 0, "the silo to kill owns no reminder, so its death would prove nothing");

        var ticksAtKill = keys.ToDictionary(k => k, k => probe.Count($"reminder:{k}:r"));
        var sinceKill = Stopwatch.StartNew();
        await cluster.KillSiloAsync(victim);

        // Two more ticks of every reminder: at least one of each came from the survivor after the take-over.
        await Task.WhenAll(keys.Select(k => probe.WaitFor($"reminder:{k}:r:{ticksAtKill[k] + 2}")));
        Console.WriteLine($"{victimOwned} reminders of the killed silo fired twice more within {sinceKill.ElapsedMilliseconds} ms of the kill");

        Assert.Equal(Grains, LocalReminders(survivor));
        foreach (var key in keys)
        {
            var ticks = TickNumbers(probe, key);
            Assert.True(ticks.Length == ticks.Distinct().Count(), $"a tick of {key} fired twice: {string.Join(", ", ticks)}");
        }
    }

    private static int LocalReminders(TestSilo silo) => silo.Services.GetRequiredService<ReminderService>().LocalCount;

    /// <summary>
    /// Which tick each delivery of <c>key</c>'s reminder was, as the grain recorded it ("... tick #k"): whole periods
    /// between the first tick and the delivery, so two silos firing one tick record the same number.
    /// </summary>
    private static string[] TickNumbers(Probe probe, string key)
    {
        var prefix = $"reminder:{key}:r:";
        return [.. probe.Events.Where(e => e.StartsWith(prefix, StringComparison.Ordinal)).Select(e => e[(e.LastIndexOf('#') + 1)..])];
    }
}
