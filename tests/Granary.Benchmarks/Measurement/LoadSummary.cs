namespace Granary.Benchmarks.Measurement;

/// <summary>One subject over all its rounds: median throughput, and percentiles of every latency recorded.</summary>
internal sealed record LoadSummary(double CallsPerSecond, double P50Microseconds, double P99Microseconds, double AllocatedBytesPerCall)
{
    public static LoadSummary Of(IReadOnlyList<LoadSample> rounds)
    {
        var latencies = LatencyLog.SortedMicroseconds(rounds.SelectMany(r => r.Logs));
        return new LoadSummary(
            Percentiles.Median([.. rounds.Select(r => r.CallsPerSecond)]),
            Percentiles.Of(latencies, 50),
            Percentiles.Of(latencies, 99),
            Percentiles.Median([.. rounds.Select(r => r.AllocatedBytesPerCall)]));
    }
}
