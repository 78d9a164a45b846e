using Granary.Benchmarks.Measurement;
using Granary.Cluster.Benchmarks.Grains;
using Granary.Cluster.Benchmarks.Hosting;
using Granary.Cluster.Tests;
using Granary.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Granary.Cluster.Benchmarks.Scenarios;

/// <summary>
/// No false death declarations: three silo processes, none ever killed, under closed-loop CPU-heavy calls from an
/// external client that keep both cores saturated. Every suspicion vote and every Dead row in the membership table
/// is collected; any Dead row is a false declaration, as is a silo not Active at the end.
/// </summary>
internal sealed class SoakScenario(TimeSpan duration, int loops, int spinMicroseconds)
{
    private const int Grains = 256;
    private static readonly TimeSpan PollPeriod = TimeSpan.FromMilliseconds(250);

    public async Task<(string Report, bool Passed)> RunAsync()
    {
        await using var cluster = new BenchCluster();
        var silos = Enumerable.Range(0, 3).Select(_ => cluster.StartChild()).ToArray();
        await cluster.WaitActiveAsync([.. silos.Select(s => s.Port)]);
        using var client = await ConnectClientAsync(cluster.ClusterId);
        var factory = client.Services.GetRequiredService<IClusterClient>();
        var spinners = Enumerable.Range(0, Grains).Select(k => factory.GetGrain<ISpinGrain>(k)).ToArray();
        await Task.WhenAll(spinners.Select(s => s.Spin(0)));

        await using var watch = new MembershipWatch(cluster.ClusterId);
        long failures = 0;
        using var stopWatching = new CancellationTokenSource();
        var watching = WatchAsync(watch, stopWatching.Token);
        var cpuBefore = CpuUsage.Now();
        Progress.Report($"soak: {loops} loops of {spinMicroseconds} µs spins for {duration.TotalSeconds:0} s");
        var sample = await LoadGenerator.RunAsync(loops, async (loop, n) =>
        {
            try
            {
                await spinners[(loop * 31 + n) % Grains].Spin(spinMicroseconds);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                Interlocked.Increment(ref failures);
            }

            return n;
        }, TimeSpan.FromSeconds(2), duration);
        var busy = CpuUsage.Now().BusySince(cpuBefore);
        await stopWatching.CancelAsync();
        await watching;
        await watch.PollAsync();

        var ports = silos.Select(s => s.Port).ToArray();
        var notActive = ports.Where(p => watch.Rows.Where(r => r.Port == p).MaxBy(r => r.Generation) is not { Status: MembershipRow.Active }).ToList();
        var exited = silos.Where(s => s.HasExited).Select(s => s.Port).ToList();
        var passed = watch.Dead.Count == 0 && notActive.Count == 0 && exited.Count == 0;
        var summary = LoadSummary.Of([sample]);
        var table = new MarkdownTable("Measure", "Value");
        table.Add("load", $"{loops} closed loops of `Spin({spinMicroseconds} µs)` over {Grains} grains, from an external client");
        table.Add("measured window", $"{sample.Elapsed.TotalSeconds:0} s");
        table.Add("machine CPU busy", $"{busy:P0} of {Environment.ProcessorCount} cores");
        table.Add("calls/s, p50, p99", $"{Format.Rate(summary.CallsPerSecond)}, {Format.Micros(summary.P50Microseconds / 1000)} ms, {Format.Micros(summary.P99Microseconds / 1000)} ms");
        table.Add("failed calls", failures.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.Add("suspicion votes seen", watch.Votes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.Add("table reads skipped (PostgreSQL busy)", watch.SkippedPolls.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.Add("death declarations (all false: no silo was killed)", watch.Dead.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.Add("silos not Active at the end / exited", $"{notActive.Count} / {exited.Count}");
        if (!passed)
        {
            foreach (var silo in silos) Progress.Report($"silo on port {silo.Port}:\n{silo.Output()}");
        }

        var votes = string.Join("\n", watch.VoteLog.OrderBy(v => v.At).Take(20).Select(v => $"- {v.At:HH:mm:ss.fff} {v.Suspecter} suspected port {v.Port}@{v.Generation}"));
        return ($"""
            ## No false death declarations under saturating load

            Three silo processes, never killed, membership on PostgreSQL with default protocol settings; the table is
            read every {PollPeriod.TotalMilliseconds:0} ms for suspicion votes and Dead rows.

            {table}
            {(votes.Length > 0 ? "Suspicion votes (first 20):\n" + votes + "\n" : "")}
            Verdict: {(passed ? "passed: no silo was declared dead and all stayed Active" : $"FAILED: Dead rows {string.Join(", ", watch.Dead)}; not Active {string.Join(", ", notActive)}; exited {string.Join(", ", exited)}")}.

            """, passed);
    }

    private static async Task WatchAsync(MembershipWatch watch, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await watch.PollAsync();
            try
            {
                await Task.Delay(PollPeriod, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task<IHost> ConnectClientAsync(string clusterId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration["Granary:ClusterId"] = clusterId;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseGranaryClient(client => client.UseAdoNetClustering(o => o.ConnectionString = Postgres.ConnectionString));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
