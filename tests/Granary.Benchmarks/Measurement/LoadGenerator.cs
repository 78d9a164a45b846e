using System.Diagnostics;

namespace Granary.Benchmarks.Measurement;

/// <summary>
/// Closed-loop load: N async loops each await one call, then issue the next. After the warm-up a window of
/// fixed duration opens; throughput counts the calls completed inside it, and latency is recorded for every
/// call that both started and completed inside it.
/// </summary>
internal static class LoadGenerator
{
    private const int WarmingUp = 0;
    private const int Measuring = 1;
    private const int Stopped = 2;

    /// <param name="concurrency">Concurrent loops.</param>
    /// <param name="call">One call of loop <c>loop</c> (first argument); the second argument counts that loop's calls.</param>
    /// <param name="warmUp">Load before the window opens, not measured.</param>
    /// <param name="window">Measured duration.</param>
    public static async Task<LoadSample> RunAsync(int concurrency, Func<int, int, Task<int>> call, TimeSpan warmUp, TimeSpan window)
    {
        var phase = new StrongBox<int>(WarmingUp);
        var logs = new LatencyLog[concurrency];
        var loops = new Task[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            var loop = i;
            var log = logs[i] = new LatencyLog();
            loops[i] = Task.Run(() => RunLoopAsync(loop, call, phase, log));
        }

        await Task.Delay(warmUp);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var opened = Stopwatch.GetTimestamp();
        Volatile.Write(ref phase.Value, Measuring);
        await Task.Delay(window);
        Volatile.Write(ref phase.Value, Stopped);
        var elapsed = Stopwatch.GetElapsedTime(opened);
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
        await Task.WhenAll(loops);
        return new LoadSample(logs.Sum(l => l.CompletedInWindow), elapsed, allocated, logs);
    }

    private static async Task RunLoopAsync(int loop, Func<int, int, Task<int>> call, StrongBox<int> phase, LatencyLog log)
    {
        for (var sequence = 0; ; sequence++)
        {
            var startPhase = Volatile.Read(ref phase.Value);
            if (startPhase == Stopped) return;
            var started = Stopwatch.GetTimestamp();
            await call(loop, sequence);
            var ended = Stopwatch.GetTimestamp();
            if (Volatile.Read(ref phase.Value) != Measuring) continue;
            log.CompletedInWindow++;
            if (startPhase == Measuring) log.Add(ended - started);
        }
    }

    private sealed class StrongBox<T>(T value)
    {
        public T Value = value;
    }
}

/// <summary>What one measured window produced.</summary>
internal sealed record LoadSample(long Completed, TimeSpan Elapsed, long AllocatedBytes, IReadOnlyList<LatencyLog> Logs)
{
    public double CallsPerSecond => Completed / Elapsed.TotalSeconds;

    /// <summary>Bytes the whole process allocated in the window per completed call (the silo is otherwise idle).</summary>
    public double AllocatedBytesPerCall => (double)AllocatedBytes / Math.Max(Completed, 1);
}
