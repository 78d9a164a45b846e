using Granary.Benchmarks.Measurement;
using Granary.Testing;

namespace Granary.Benchmarks.GrainCalls;

/// <summary>
/// Scenario a: local grain calls on one silo against a bare Channels mailbox per actor. Each loop awaits
/// one call at a time; loops talk either to a target of their own or all to one target.
/// </summary>
internal sealed class GrainCallScenario(TestCluster cluster, BenchmarkWindows windows)
{
    private static readonly (int Loops, bool OneTarget)[] Shapes = [(1, false), (16, false), (256, false), (16, true), (256, true)];

    public async Task<string> RunAsync()
    {
        var table = new MarkdownTable(
            "Loops", "Targets", "Granary calls/s", "p50 µs", "p99 µs", "B/call", "Channels calls/s", "p50 µs", "p99 µs", "B/call", "Granary / Channels (range)");
        var verdict = "";
        foreach (var (loops, oneTarget) in Shapes)
        {
            Progress.Report($"grain calls: {loops} loops, {(oneTarget ? "one target" : "a target each")}");
            var targets = oneTarget ? 1 : loops;
            // A fresh set of grains per shape, so earlier shapes leave no queued work or warm state behind.
            var grains = Enumerable.Range(0, targets).Select(i => cluster.GrainFactory.GetGrain<IPingGrain>($"ping-{loops}-{targets}-{i}")).ToArray();
            var mailboxes = Enumerable.Range(0, targets).Select(_ => new ChannelMailbox()).ToArray();
            if (await grains[0].Ping(42) != 42 || await mailboxes[0].Ping(42) != 42) throw new InvalidOperationException("Ping did not echo its argument.");

            var samples = await AlternatingRounds.RunAsync<LoadSample>(
            [
                warmUp => LoadGenerator.RunAsync(loops, (loop, n) => grains[loop % targets].Ping(n), warmUp, windows.Window),
                warmUp => LoadGenerator.RunAsync(loops, (loop, n) => mailboxes[loop % targets].Ping(n), warmUp, windows.Window),
            ], windows);
            foreach (var mailbox in mailboxes) await mailbox.CloseAsync();

            var granary = LoadSummary.Of(samples[0]);
            var channels = LoadSummary.Of(samples[1]);
            var ratio = AlternatingRounds.Ratio(samples[0], samples[1], s => s.CallsPerSecond);
            table.Add(
                loops.ToString(), oneTarget ? "1 (shared)" : $"{targets} (one per loop)",
                Format.Rate(granary.CallsPerSecond), Format.Micros(granary.P50Microseconds), Format.Micros(granary.P99Microseconds), Format.Bytes(granary.AllocatedBytesPerCall),
                Format.Rate(channels.CallsPerSecond), Format.Micros(channels.P50Microseconds), Format.Micros(channels.P99Microseconds), Format.Bytes(channels.AllocatedBytesPerCall),
                ratio.ToString());
            if (loops == 256 && !oneTarget)
            {
                verdict = $"Target: at 256 loops on distinct grains, Granary reaches at least 1/3 of the Channels floor (0.33x). " +
                    $"Measured {Format.Ratio(ratio.Median)}: {(ratio.Median >= 1.0 / 3 ? "met" : "NOT met")}.";
            }
        }

        return $"""
            ## a. Local grain calls: `Task<int> Ping(int)` vs a Channels mailbox

            Closed loops, each awaiting one call at a time; B/call = bytes the process allocated per call; ratio = Granary throughput / Channels throughput, median over rounds (lowest–highest round).

            {table}
            {verdict}

            """;
    }
}
