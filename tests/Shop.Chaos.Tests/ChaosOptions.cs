using System.Globalization;

namespace Shop.Chaos.Tests;

/// <summary>
/// How long the chaos lasts and how hard it pushes. The default run is short so the suite stays quick;
/// <c>GRANARY_CHAOS_MINUTES=N</c> runs N minutes of chaos (the opt-in long run).
/// </summary>
internal sealed record ChaosOptions(TimeSpan ChaosDuration, int Shoppers, TimeSpan MeanTimeBetweenKills, bool IsLongRun = false)
{
    public const string MinutesVariable = "GRANARY_CHAOS_MINUTES";

    public static ChaosOptions FromEnvironment()
    {
        var configured = Environment.GetEnvironmentVariable(MinutesVariable);
        if (string.IsNullOrWhiteSpace(configured)) return new ChaosOptions(TimeSpan.FromSeconds(60), Shoppers: 8, TimeSpan.FromSeconds(10));
        if (!double.TryParse(configured, NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) || minutes <= 0)
            throw new InvalidOperationException($"{MinutesVariable} must be a positive number of minutes (got '{configured}').");
        return new ChaosOptions(TimeSpan.FromMinutes(minutes), Shoppers: 8, TimeSpan.FromSeconds(10), IsLongRun: true);
    }
}
