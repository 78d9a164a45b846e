using System.Runtime.CompilerServices;
using Granary.Benchmarks.Measurement;
using Granary.Benchmarks.Orders;
using Granary.Concurrency;
using Granary.Testing;

namespace Granary.Benchmarks.ArgumentIsolation;

/// <summary>
/// Scenario c: what isolating a mutable argument costs. The same local call carries the ten-line order
/// copied (the default for mutable types) and by reference (<see cref="Immutable{T}"/>, or [Immutable] on the parameter).
/// </summary>
internal sealed class ArgumentIsolationScenario(TestCluster cluster, BenchmarkWindows windows)
{
    private static readonly int[] LoopCounts = [1, 16];

    public async Task<string> RunAsync()
    {
        var table = new MarkdownTable("Loops", "Argument", "Grain sees", "Calls/s", "p50 µs", "p99 µs", "B/call", "vs copied (range)");
        foreach (var loops in LoopCounts)
        {
            Progress.Report($"argument isolation: {loops} loops");
            var grains = Enumerable.Range(0, loops).Select(i => cluster.GrainFactory.GetGrain<IOrderIntakeGrain>(loops * 1000 + i)).ToArray();
            // One order per loop: a shared order would be fine for the by-reference variants, but not what callers do.
            var orders = Enumerable.Range(0, loops).Select(_ => SampleOrder.Create()).ToArray();
            Func<int, int, Task<int>>[] variants =
            [
                (loop, _) => grains[loop].Submit(orders[loop]),
                (loop, _) => grains[loop].SubmitWrapped(new Immutable<OrderDto>(orders[loop])),
                (loop, _) => grains[loop].SubmitMarked(orders[loop]),
            ];
            string[] names = ["mutable `OrderDto`", "`Immutable<OrderDto>`", "`[Immutable] OrderDto`"];
            var seen = new string[variants.Length];
            for (var v = 0; v < variants.Length; v++)
            {
                var byReference = await variants[v](0, 0) == RuntimeHelpers.GetHashCode(orders[0]);
                seen[v] = byReference ? "the caller's instance" : "a deep copy";
            }

            var samples = await AlternatingRounds.RunAsync<LoadSample>(
                [.. variants.Select(call => (Func<TimeSpan, Task<LoadSample>>)(warmUp => LoadGenerator.RunAsync(loops, call, warmUp, windows.Window)))],
                windows);
            for (var v = 0; v < variants.Length; v++)
            {
                var summary = LoadSummary.Of(samples[v]);
                table.Add(
                    loops.ToString(), names[v], seen[v], Format.Rate(summary.CallsPerSecond),
                    Format.Micros(summary.P50Microseconds), Format.Micros(summary.P99Microseconds), Format.Bytes(summary.AllocatedBytesPerCall),
                    v == 0 ? "1.00x" : AlternatingRounds.Ratio(samples[v], samples[0], s => s.CallsPerSecond).ToString());
            }
        }

        return $"""
            ## c. Argument isolation: a ten-line order copied vs passed by reference

            The same local call, one grain per loop; "vs copied" = throughput / the copied variant's throughput, median over rounds (lowest–highest round).

            {table}
            """;
    }
}
