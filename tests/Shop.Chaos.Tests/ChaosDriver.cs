using System.Diagnostics;
using Granary.Cluster.Tests;

namespace Shop.Chaos.Tests;

/// <summary>
/// Kills silos with SIGKILL at random moments and restarts them on their port (a new generation), never taking
/// the whole cluster down: sometimes a second silo dies while the first is still down, but one always survives.
/// A killed silo is restarted once the others declared it Dead, so the failure-detection time is measured alone
/// (a restart on the same port would otherwise supersede the old row). It remembers when each process was killed:
/// an activation on a killed silo is not active after that moment.
/// </summary>
internal sealed class ChaosDriver(ProcessCluster cluster, ChaosReport report, int seed)
{
    private static readonly TimeSpan DeclaredDeadDeadline = TimeSpan.FromSeconds(30);
    private readonly Random _random = new(seed);
    private readonly Dictionary<SiloProcess, DateTimeOffset> _killedAt = [];

    public IReadOnlyDictionary<SiloProcess, DateTimeOffset> KilledAt => _killedAt;

    public async Task RunAsync(TimeSpan duration, TimeSpan meanGap)
    {
        var run = Stopwatch.StartNew();
        while (true)
        {
            var gap = meanGap * (0.5 + _random.NextDouble());
            if (run.Elapsed + gap > duration) break;
            // The chaos schedule: a random pause between failures, not a wait for anything.
            await Task.Delay(gap);
            var deaths = new List<(int Port, Task Declared)> { await KillAsync(AnyOf(Running())) };
            await Task.Delay(TimeSpan.FromSeconds(1 + (3 * _random.NextDouble())));
            if (Running() is { Count: > 1 } survivors && _random.NextDouble() < 0.3) deaths.Add(await KillAsync(AnyOf(survivors)));
            foreach (var (port, declared) in deaths)
            {
                await declared;
                await RestartAsync(port);
            }
        }
    }

    /// <summary>The newest process on each port, if it is running.</summary>
    public IReadOnlyList<SiloProcess> Running() =>
        [.. cluster.Silos.GroupBy(s => s.Port).Select(port => port.Last()).Where(s => !s.HasExited && !_killedAt.ContainsKey(s))];

    private SiloProcess AnyOf(IReadOnlyList<SiloProcess> silos) => silos[_random.Next(silos.Count)];

    private async Task<(int Port, Task Declared)> KillAsync(SiloProcess victim)
    {
        var generation = await cluster.GenerationAsync(victim);
        victim.Signal(Signals.Kill);
        _killedAt[victim] = DateTimeOffset.UtcNow;
        report.Killed();
        return (victim.Port, WatchDeathAsync(victim.Port, generation));
    }

    private async Task WatchDeathAsync(int port, long generation)
    {
        try
        {
            report.DeclaredDead(await cluster.WaitDeadAsync(port, generation, DeclaredDeadDeadline));
        }
        catch (TimeoutException exception)
        {
            report.Note($"FAILOVER: {exception.Message}");
        }
    }

    private async Task RestartAsync(int port)
    {
        var fresh = cluster.StartSilo(port);
        report.Restarted(await cluster.WaitActiveAsync(fresh));
    }
}
