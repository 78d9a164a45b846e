using System.Diagnostics;

namespace Shop.Dashboard.Benchmarks;

/// <summary>What one closed-loop run measured.</summary>
public sealed record RunResult(long Operations, long Errors, TimeSpan Elapsed, double P50Ms, double P99Ms)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;
}

/// <summary>
/// <c>concurrency</c> workers each start an operation, await it and start the next, for a fixed time after a
/// warm-up; the operation is an HTTP request or a grain call. Every run stops by itself.
/// </summary>
public sealed class ClosedLoop(int concurrency, TimeSpan warmUp, TimeSpan duration)
{
    public async Task<RunResult> RunAsync(Func<int, Task<bool>> operation)
    {
        await RunWorkersAsync(operation, warmUp, record: null);
        var latencies = new List<double>[concurrency];
        var errors = 0L;
        var clock = Stopwatch.StartNew();
        await RunWorkersAsync(operation, duration, (worker, ms, ok) =>
        {
            (latencies[worker] ??= []).Add(ms);
            if (!ok) Interlocked.Increment(ref errors);
        });
        clock.Stop();
        var all = latencies.Where(l => l is not null).SelectMany(l => l).Order().ToArray();
        return new RunResult(all.Length, errors, clock.Elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private Task RunWorkersAsync(Func<int, Task<bool>> operation, TimeSpan length, Action<int, double, bool>? record)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; Stopwatch.GetTimestamp() < deadline; i++)
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await operation(worker * 1_000_000 + i);
                }
                catch (Exception exception) when (exception is HttpRequestException or TimeoutException or TaskCanceledException)
                {
                    ok = false;
                }

                record?.Invoke(worker, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ok);
            }
        })));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(p * sorted.Length))];
}
