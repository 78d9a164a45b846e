using System.Diagnostics;

namespace Granary.Benchmarks.Measurement;

/// <summary>
/// Call latencies of one load loop, as Stopwatch ticks in a growable array. One writer per log, so the
/// measured path takes no lock; percentiles are computed once the window has closed.
/// </summary>
internal sealed class LatencyLog
{
    private long[] _ticks = new long[16 * 1024];

    public int Count { get; private set; }

    /// <summary>Calls that completed inside the window, including those that started before it.</summary>
    public long CompletedInWindow { get; set; }

    public void Add(long ticks)
    {
        if (Count == _ticks.Length) Array.Resize(ref _ticks, _ticks.Length * 2);
        _ticks[Count++] = ticks;
    }

    public ReadOnlySpan<long> Ticks => _ticks.AsSpan(0, Count);

    /// <summary>Merges logs and returns their latencies sorted, in microseconds.</summary>
    public static double[] SortedMicroseconds(IEnumerable<LatencyLog> logs)
    {
        var all = logs.ToList();
        var merged = new double[all.Sum(l => l.Count)];
        var next = 0;
        foreach (var log in all)
        {
            foreach (var ticks in log.Ticks) merged[next++] = ticks * 1_000_000.0 / Stopwatch.Frequency;
        }

        Array.Sort(merged);
        return merged;
    }
}
