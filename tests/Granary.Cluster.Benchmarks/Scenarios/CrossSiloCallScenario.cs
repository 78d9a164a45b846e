using Granary.Benchmarks.Measurement;
using Granary.Cluster.Benchmarks.Echo;
using Granary.Cluster.Benchmarks.Grains;

namespace Granary.Cluster.Benchmarks.Scenarios;

/// <summary>
/// Grain calls from this process's silo (A) to activations on a silo process (B), against a bare TCP echo from this
/// process to a server inside B with frames of the measured sizes, in alternating rounds at each concurrency.
/// </summary>
internal sealed class CrossSiloCallScenario(IGrainFactory grains, int calleePort, int echoPort, BenchmarkWindows windows)
{
    private static readonly int[] Concurrencies = [1, 16, 256];

    public async Task<string> RunAsync()
    {
        Progress.Report("cross-silo calls: measuring the call's frames on the wire");
        var probe = (await GrainLocator.OnSiloAsync(grains, calleePort, 1, firstKey: 0))[0];
        var frames = await CallFrameSize.MeasureAsync(probe);
        var table = new MarkdownTable(
            "Concurrency", "Granary calls/s", "p50 µs", "p99 µs", "Echo, conn/loop calls/s", "p50 µs", "p99 µs", "Echo, pipelined calls/s", "p50 µs", "p99 µs",
            "Granary / conn-per-loop echo", "Granary / pipelined echo");
        var verdicts = new List<string>();
        foreach (var loops in Concurrencies)
        {
            Progress.Report($"cross-silo calls: {loops} loops");
            // A grain and a connection per loop: neither side queues one loop's call behind another's at the target.
            var targets = await GrainLocator.OnSiloAsync(grains, calleePort, loops, firstKey: 1_000_000L * loops);
            var clients = await Task.WhenAll(Enumerable.Range(0, loops).Select(_ => EchoClient.ConnectAsync(echoPort, frames.RequestPayload, frames.ResponsePayload)));
            using var pipelined = await PipelinedEchoClient.ConnectAsync(echoPort, frames.RequestPayload, frames.ResponsePayload);
            try
            {
                var samples = await AlternatingRounds.RunAsync<LoadSample>(
                [
                    warmUp => LoadGenerator.RunAsync(loops, (loop, n) => targets[loop].Ping(n), warmUp, windows.Window),
                    warmUp => LoadGenerator.RunAsync(loops, (loop, n) => clients[loop].CallAsync(n), warmUp, windows.Window),
                    warmUp => LoadGenerator.RunAsync(loops, (_, n) => pipelined.CallAsync(n), warmUp, windows.Window),
                ], windows);
                var summaries = samples.Select(s => LoadSummary.Of(s)).ToArray();
                var perConnection = AlternatingRounds.Ratio(samples[0], samples[1], s => s.CallsPerSecond);
                var shared = AlternatingRounds.Ratio(samples[0], samples[2], s => s.CallsPerSecond);
                table.Add([
                    loops.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    .. summaries.SelectMany(s => new[] { Format.Rate(s.CallsPerSecond), Format.Micros(s.P50Microseconds), Format.Micros(s.P99Microseconds) }),
                    perConnection.ToString(), shared.ToString()]);
                var floor = Math.Min(perConnection.Median, shared.Median);
                verdicts.Add($"{loops}: {Format.Ratio(floor)} of the faster echo ({(floor >= 0.5 ? "met" : "NOT met")})");
            }
            finally
            {
                foreach (var client in clients) client.Dispose();
            }
        }

        return $"""
            ## Cross-silo grain calls vs a bare TCP echo

            Caller: the silo inside the benchmark process (A), calling from outside any grain through its grain factory, so
            every call is one request message from A's silo connection to silo process B and one response back. Callee:
            `IBenchPingGrain.Ping(int)` activations placed on B, one per loop. Baselines: plain `System.Net.Sockets` (no
            Pipelines, no Kestrel) from A to an echo server inside process B, with frames of the sizes Granary's messages
            measured on the wire: {frames.RequestFrameBytes} B request, {frames.ResponseFrameBytes} B response (4-byte length prefix
            included). "conn/loop": one connection per loop, a send and a receive per call. "pipelined": every loop on one
            connection, whatever is queued sent in one send and answered in one send, as Granary's connection batches.
            Closed loops, each awaiting one call at a time; ratio = Granary throughput / echo throughput, median over
            rounds (lowest–highest round).

            {table}
            Aim: at least 0.5x the echo floor's throughput. Measured: {string.Join("; ", verdicts)}.

            """;
    }
}
