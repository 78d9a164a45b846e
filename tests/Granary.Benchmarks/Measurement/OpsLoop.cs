using System.Diagnostics;

namespace Granary.Benchmarks.Measurement;

/// <summary>
/// A tight single-threaded loop for CPU-bound operations (serializers): the clock is read once per batch,
/// not per operation, so timing costs stay out of the figure.
/// </summary>
internal static class OpsLoop
{
    private const int Batch = 64;

    public static OpsSample Measure(Func<int> operation, TimeSpan warmUp, TimeSpan window)
    {
        var sink = Run(operation, warmUp, out _);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        sink += Run(operation, window, out var operations);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        // The sink is reported so the JIT cannot treat the operations' results as unused.
        return new OpsSample(operations, elapsed, (double)allocated / Math.Max(operations, 1), sink);
    }

    private static long Run(Func<int> operation, TimeSpan duration, out long operations)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long sink = 0;
        operations = 0;
        do
        {
            for (var i = 0; i < Batch; i++) sink += operation();
            operations += Batch;
        }
        while (Stopwatch.GetTimestamp() < until);

        return sink;
    }
}

/// <summary>What one measured window of <see cref="OpsLoop"/> produced.</summary>
internal sealed record OpsSample(long Operations, TimeSpan Elapsed, double AllocatedBytesPerOperation, long Sink)
{
    public double OperationsPerSecond => Operations / Elapsed.TotalSeconds;
}
