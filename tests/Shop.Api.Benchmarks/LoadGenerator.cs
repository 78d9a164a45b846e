using System.Diagnostics;

namespace Shop.Api.Benchmarks;

/// <summary>What one load run measured.</summary>
public sealed record LoadResult(string Scenario, long Requests, long Errors, TimeSpan Elapsed, double P50Ms, double P99Ms)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;
}

/// <summary>
/// Closed-loop load: <c>concurrency</c> workers each send a request, wait for its answer and send the next, for a
/// fixed time after a warm-up. Only loopback targets; every run stops by itself.
/// </summary>
public sealed class LoadGenerator(HttpClient http, int concurrency, TimeSpan warmUp, TimeSpan duration)
{
    public async Task<LoadResult> RunAsync(string scenario, Func<HttpClient, int, Task<bool>> send)
    {
        await RunWorkersAsync(send, warmUp, record: null);
        var latencies = new List<double>[concurrency];
        var errors = 0L;
        var clock = Stopwatch.StartNew();
        await RunWorkersAsync(send, duration, (worker, ms, ok) =>
        {
            (latencies[worker] ??= []).Add(ms);
            if (!ok) Interlocked.Increment(ref errors);
        });
        clock.Stop();
        var all = latencies.Where(l => l is not null).SelectMany(l => l).Order().ToArray();
        return new LoadResult(scenario, all.Length, errors, clock.Elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private Task RunWorkersAsync(Func<HttpClient, int, Task<bool>> send, TimeSpan length, Action<int, double, bool>? record)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; Stopwatch.GetTimestamp() < deadline; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await send(http, worker * 1_000_000 + i);
                record?.Invoke(worker, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ok);
            }
        })));
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(p * sorted.Length))];
}
