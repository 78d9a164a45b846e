namespace Granary.Benchmarks.Measurement;

/// <summary>
/// How long each subject is warmed up and measured. Subjects of one comparison run in alternating rounds,
/// so drift on a shared machine (other builds, thermal limits) hits each side alike.
/// </summary>
internal sealed record BenchmarkWindows(TimeSpan FirstWarmUp, TimeSpan WarmUp, TimeSpan Window, int Rounds)
{
    /// <summary>The default: JIT tiering settles during the first warm-up, then three measured rounds per subject.</summary>
    public static BenchmarkWindows Full { get; } = new(TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1.5), Rounds: 4);

    /// <summary>A smoke run: every code path runs, figures are rough.</summary>
    public static BenchmarkWindows Quick { get; } = new(TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(0.1), TimeSpan.FromSeconds(0.4), Rounds: 2);

    /// <summary>
    /// For single-threaded CPU-bound loops: three times the rounds, a third of the window each, so more
    /// alternations average out a noisy neighbour; such a loop needs no ramp-up between rounds, but a longer
    /// first warm-up, as a large serializer's many generic methods take a while to reach tier-1 code.
    /// </summary>
    public BenchmarkWindows ShortRounds() => this with { FirstWarmUp = FirstWarmUp * 2, Rounds = Rounds * 3, Window = Window / 3, WarmUp = WarmUp / 5 };

    public string Describe() =>
        $"{Rounds} alternating rounds of {Window.TotalSeconds:0.##} s per subject, after a {FirstWarmUp.TotalSeconds:0.##} s warm-up " +
        $"({WarmUp.TotalSeconds:0.##} s before each round)";
}
