using System.Diagnostics;

namespace Granary.Cluster.Benchmarks.Grains;

/// <summary>CPU-heavy calls: each turn keeps a core busy, so a loaded silo has long turns queued, not just many short ones.</summary>
public interface ISpinGrain : IGrainWithIntegerKey
{
    /// <summary>Burns about <paramref name="microseconds"/> of CPU on the grain's turn; returns the iterations spun.</summary>
    Task<long> Spin(int microseconds);
}

public sealed class SpinGrain : Grain, ISpinGrain
{
    public Task<long> Spin(int microseconds)
    {
        var until = Stopwatch.GetTimestamp() + microseconds * Stopwatch.Frequency / 1_000_000;
        long iterations = 0;
        while (Stopwatch.GetTimestamp() < until) iterations++;
        return Task.FromResult(iterations);
    }
}
