using System.Globalization;

namespace Shop.Chaos.Tests;

/// <summary>
/// How long the chaos lasts, and its seed. <c>SHOP_CHAOS_SECONDS</c> (default 60) is the chaos time of the whole
/// test, two thirds on the shop's grain directory and one third on the other; <c>SHOP_CHAOS_SEED</c> replays a
/// schedule a run printed.
/// </summary>
internal sealed record ChaosOptions(TimeSpan TotalChaos, int Seed, int Shoppers, TimeSpan MeanTimeBetweenKills)
{
    public const string SecondsVariable = "SHOP_CHAOS_SECONDS";
    public const string SeedVariable = "SHOP_CHAOS_SEED";

    public static ChaosOptions FromEnvironment()
    {
        var seconds = Read(SecondsVariable, 60);
        if (seconds <= 0) throw new InvalidOperationException($"{SecondsVariable} must be a positive number of seconds (got {seconds}).");
        var seed = (int)Read(SeedVariable, Environment.TickCount);
        return new ChaosOptions(TimeSpan.FromSeconds(seconds), seed, Shoppers: 6, MeanTimeBetweenKills: TimeSpan.FromSeconds(8));
    }

    /// <summary>The chaos time of one run: <paramref name="share"/> of the total.</summary>
    public TimeSpan Share(double share) => TotalChaos * share;

    private static double Read(string variable, double fallback)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"{variable} must be a number (got '{text}').");
    }
}
