using System.Globalization;

namespace Shop.Cluster.Benchmarks.Scenarios;

/// <summary>Median and max of a series of durations, for the printed tables.</summary>
internal static class Stats
{
    public static string Summary(IReadOnlyCollection<TimeSpan> values)
    {
        if (values.Count == 0) return "n/a";
        var sorted = values.Order().ToList();
        var median = sorted.Count % 2 == 1
            ? sorted[sorted.Count / 2]
            : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        return string.Create(CultureInfo.InvariantCulture, $"median {median.TotalSeconds:0.00} s, max {sorted[^1].TotalSeconds:0.00} s (n={sorted.Count})");
    }

    /// <summary>The median of <paramref name="values"/> over that of <paramref name="baseline"/>, as "0.62".</summary>
    public static string Ratio(IReadOnlyCollection<TimeSpan> values, IReadOnlyCollection<TimeSpan> baseline) =>
        values.Count == 0 || baseline.Count == 0
            ? "n/a"
            : (Median(values) / Median(baseline)).ToString("0.00", CultureInfo.InvariantCulture);

    public static TimeSpan Median(IReadOnlyCollection<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? TimeSpan.Zero : sorted[sorted.Count / 2];
    }
}
