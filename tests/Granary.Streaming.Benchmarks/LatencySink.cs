using System.Diagnostics;

namespace Granary.Streaming.Benchmarks;

/// <summary>Where subscribers report each event's publish-to-receipt latency; a run waits until it holds the expected count.</summary>
internal sealed class LatencySink
{
    private readonly Lock _lock = new();
    private List<double> _latencies = [];
    private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _expected;

    /// <summary>Starts a run of <paramref name="expected"/> events.</summary>
    public Task Start(int expected)
    {
        lock (_lock)
        {
            _latencies = new List<double>(expected);
            _expected = expected;
            _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _done.Task;
        }
    }

    /// <summary>Records an event published at <paramref name="publishedAt"/> (a Stopwatch timestamp).</summary>
    public void Received(long publishedAt)
    {
        var latency = Stopwatch.GetElapsedTime(publishedAt).TotalMilliseconds;
        lock (_lock)
        {
            _latencies.Add(latency);
            if (_latencies.Count == _expected) _done.TrySetResult();
        }
    }

    public double[] Latencies()
    {
        lock (_lock) return [.. _latencies];
    }
}
