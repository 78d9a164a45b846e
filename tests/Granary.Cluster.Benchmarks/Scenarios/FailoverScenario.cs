using System.Diagnostics;
using Granary.Benchmarks.Measurement;
using Granary.Cluster.Benchmarks.Grains;
using Granary.Cluster.Benchmarks.Hosting;
using Granary.Cluster.Tests;

namespace Granary.Cluster.Benchmarks.Scenarios;

/// <summary>
/// Failover after SIGKILL, repeated: a cluster of this process's silo (A), a silo process that stays (C) and one that
/// is killed and started again (B). Under light load, each round finds grains on B, kills B, and times the first
/// successful call to one of them (now activated elsewhere), all of them answering, and B's row turning Dead.
/// </summary>
internal sealed class FailoverScenario(BenchCluster cluster, IGrainFactory grains, int kills)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private const int Victims = 4;

    public async Task<string> RunAsync()
    {
        var firstCall = new List<double>();
        var allCalls = new List<double>();
        var deadRow = new List<double>();
        using var stopLoad = new CancellationTokenSource();
        var load = LightLoadAsync(stopLoad.Token);
        for (var round = 0; round < kills; round++)
        {
            var victim = cluster.StartChild();
            var generation = (await cluster.WaitActiveAsync(victim.Port))[0];
            var targets = await GrainLocator.OnSiloAsync(grains, victim.Port, Victims, firstKey: 10_000_000L * (round + 1));

            var killed = Stopwatch.GetTimestamp();
            victim.Signal(Signals.Kill);
            var answered = targets.Select(t => UntilAnswerAsync(t, killed)).ToArray();
            var dead = UntilDeadAsync(victim.Port, generation, killed);
            var times = await Task.WhenAll(answered);
            firstCall.Add(times.Min());
            allCalls.Add(times.Max());
            deadRow.Add(await dead);
            Progress.Report($"failover {round + 1}/{kills}: first call {times.Min():0.00} s, all {times.Max():0.00} s, Dead row {deadRow[^1]:0.00} s");
        }

        await stopLoad.CancelAsync();
        await load;
        var table = new MarkdownTable("Kill to …", "median s", "max s", "min s");
        Add(table, $"first successful call to a grain that lived on the killed silo", firstCall);
        Add(table, $"all {Victims} such grains answered", allCalls);
        Add(table, "the killed silo's row Dead", deadRow);
        return $"""
            ## Failover after SIGKILL ({kills} kills)

            Cluster: the benchmark process's silo (A, the caller) and two silo processes; one of them is killed with
            SIGKILL each round and a fresh one started for the next. Default membership settings (probe every 1 s,
            timeout 1 s, 3 missed probes, 2 votes). Light load: 4 loops calling grains across the cluster throughout.
            After each kill, every grain that lived on the killed silo is called again in a loop (1 s timeout per
            attempt, 10 ms apart) until it answers from its new activation.

            {table}
            Target: grains callable elsewhere within 5 s. Max first call {firstCall.Max():0.00} s: {(firstCall.Max() <= 5 ? "met" : "NOT met")}.

            """;
    }

    private static void Add(MarkdownTable table, string what, List<double> seconds) =>
        table.Add(what, $"{Percentiles.Median(seconds):0.00}", $"{seconds.Max():0.00}", $"{seconds.Min():0.00}");

    private async Task<double> UntilAnswerAsync(IBenchPingGrain grain, long killed)
    {
        while (Stopwatch.GetElapsedTime(killed) < Deadline)
        {
            try
            {
                await grain.Ping(1).WaitAsync(TimeSpan.FromSeconds(1));
                return Stopwatch.GetElapsedTime(killed).TotalSeconds;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                await Task.Delay(10);
            }
        }

        throw new TimeoutException($"A grain of the killed silo did not answer within {Deadline.TotalSeconds} s.");
    }

    private async Task<double> UntilDeadAsync(int port, long generation, long killed)
    {
        while (Stopwatch.GetElapsedTime(killed) < Deadline)
        {
            if ((await cluster.RowsAsync()).Any(r => r.Port == port && r.Generation == generation && r.Status == MembershipRow.Dead))
                return Stopwatch.GetElapsedTime(killed).TotalSeconds;
            await Task.Delay(20);
        }

        throw new TimeoutException($"The killed silo's row was not Dead within {Deadline.TotalSeconds} s.");
    }

    /// <summary>Background calls over a spread of grains, some on the silo about to die; failures are expected and ignored.</summary>
    private async Task LightLoadAsync(CancellationToken stop)
    {
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async loop =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                try
                {
                    await grains.GetGrain<IBenchPingGrain>(500_000 + (n * 4 + loop) % 64).Ping(n).WaitAsync(TimeSpan.FromSeconds(1), stop);
                    await Task.Delay(5, stop);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    // Calls to the killed silo fail until failover; the load only has to keep flowing.
                }
            }
        }));
    }
}
