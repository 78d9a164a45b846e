using System.Diagnostics;

namespace Orleans.Streaming.Kafka.Benchmarks;

/// <summary>Collects publish-to-receive latencies of one run and signals when the expected count arrived.</summary>
public sealed class LatencySink(int expected)
{
    private readonly double[] _milliseconds = new double[expected];
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;

    public static LatencySink Current { get; set; } = new(0);

    public Task Done => _done.Task;

    public void Received(long publishedTimestamp)
    {
        var index = Interlocked.Increment(ref _count) - 1;
        if (index >= _milliseconds.Length) return;
        _milliseconds[index] = Stopwatch.GetElapsedTime(publishedTimestamp).TotalMilliseconds;
        if (index == _milliseconds.Length - 1) _done.TrySetResult();
    }

    public (double P50, double P99) Percentiles()
    {
        var sorted = _milliseconds.Order().ToArray();
        return (sorted[(int)(sorted.Length * 0.50)], sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * 0.99))]);
    }
}
