using System.Globalization;

namespace Granary.Cluster.Benchmarks.Hosting;

/// <summary>The command line: a mode and its few knobs. The soak's default length comes from GRANARY_SOAK_MINUTES (10).</summary>
internal sealed record BenchArguments(string Mode)
{
    public const string SoakMinutesVariable = "GRANARY_SOAK_MINUTES";

    public bool Quick { get; private init; }

    public int Kills { get; private init; } = 20;

    public TimeSpan SoakDuration { get; private init; } = TimeSpan.FromMinutes(
        double.TryParse(Environment.GetEnvironmentVariable(SoakMinutesVariable), CultureInfo.InvariantCulture, out var minutes) && minutes > 0 ? minutes : 10);

    /// <summary>Closed loops of the soak: enough outstanding calls that every silo always has work queued.</summary>
    public int Loops { get; private init; } = 64;

    /// <summary>CPU each soak call burns on its grain's turn.</summary>
    public int SpinMicroseconds { get; private init; } = 2000;

    public static BenchArguments? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("calls" or "failover" or "soak")) return null;
        var options = new BenchArguments(args[0]);
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed : (int?)null;
            switch (args[i])
            {
                case "--quick": options = options with { Quick = true }; continue;
                case "--kills" when value is { } kills: options = options with { Kills = kills }; break;
                case "--seconds" when value is { } seconds: options = options with { SoakDuration = TimeSpan.FromSeconds(seconds) }; break;
                case "--loops" when value is { } loops: options = options with { Loops = loops }; break;
                case "--spin-us" when value is { } spin: options = options with { SpinMicroseconds = spin }; break;
                default: return null;
            }

            i++;
        }

        return options;
    }
}
