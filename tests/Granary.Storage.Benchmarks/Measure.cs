using System.Diagnostics;

namespace Granary.Storage.Benchmarks;

/// <summary>Closed-loop measurements: a fixed number of workers, each issuing its next operation when the last completes.</summary>
internal static class Measure
{
    /// <summary>Operations per second of <paramref name="workers"/> loops over <paramref name="window"/>.</summary>
    public static async Task<double> ThroughputAsync(int workers, TimeSpan window, Func<int, Task> operation)
    {
        var completed = 0L;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            while (watch.Elapsed < window)
            {
                await operation(w);
                Interlocked.Increment(ref completed);
            }
        })));
        return completed / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Latencies in microseconds of one loop of sequential operations over <paramref name="window"/>.</summary>
    public static async Task<double[]> LatenciesAsync(TimeSpan window, Func<int, Task> operation)
    {
        var samples = new List<double>();
        var watch = Stopwatch.StartNew();
        for (var i = 0; watch.Elapsed < window; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await operation(i);
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }

        samples.Sort();
        return [.. samples];
    }

    public static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
