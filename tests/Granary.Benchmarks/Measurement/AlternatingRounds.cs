namespace Granary.Benchmarks.Measurement;

/// <summary>
/// Runs the subjects of one comparison in rounds, alternating their order each round, so neither side
/// always runs first (after a GC, on a cooler CPU) and slow drift on a shared machine affects both alike.
/// </summary>
internal static class AlternatingRounds
{
    /// <summary>Returns samples[subject][round]; each subject is given the warm-up to do before its window.</summary>
    public static async Task<TSample[][]> RunAsync<TSample>(IReadOnlyList<Func<TimeSpan, Task<TSample>>> subjects, BenchmarkWindows windows)
    {
        var samples = subjects.Select(_ => new TSample[windows.Rounds]).ToArray();
        for (var round = 0; round < windows.Rounds; round++)
        {
            var warmUp = round == 0 ? windows.FirstWarmUp : windows.WarmUp;
            for (var k = 0; k < subjects.Count; k++)
            {
                var subject = round % 2 == 0 ? k : subjects.Count - 1 - k;
                samples[subject][round] = await subjects[subject](warmUp);
            }
        }

        return samples;
    }

    /// <summary>The ratio of two subjects round by round: its median and its spread over the rounds.</summary>
    public static RatioSummary Ratio<TSample>(TSample[] numerator, TSample[] denominator, Func<TSample, double> measure)
    {
        var ratios = numerator.Zip(denominator, (n, d) => measure(n) / measure(d)).ToArray();
        return new RatioSummary(Percentiles.Median(ratios), ratios.Min(), ratios.Max());
    }
}

/// <summary>A ratio's median over rounds, with the lowest and highest round.</summary>
internal readonly record struct RatioSummary(double Median, double Min, double Max)
{
    public override string ToString() => $"{Format.Ratio(Median)} ({Format.Ratio(Min)}–{Format.Ratio(Max)})";
}
