using System.Diagnostics;
using Shop.Cluster.Testing;

namespace Shop.Chaos.Tests;

/// <summary>
/// SIGKILLs silos at random moments and restarts them, on their old ports or on new ones, never taking the whole
/// cluster down: sometimes a second silo dies while the first is still down, but one always survives. The schedule
/// comes from a seeded <see cref="Random"/>, so a printed seed replays it. A killed silo is restarted once the others
/// wrote its row Dead (or a deadline passed), so every kill is a failover, not a quick same-port replacement. It
/// remembers when each process was killed: none of its activations is active after that moment.
/// </summary>
internal sealed class ChaosDriver(ProcessCluster cluster, IReadOnlyDictionary<string, string> siloSettings, ChaosReport report, int seed, TimeProvider time)
{
    private static readonly TimeSpan DeclaredDeadDeadline = TimeSpan.FromSeconds(60);
    private readonly Random _random = new(seed);
    private readonly Dictionary<HostProcess, DateTimeOffset> _killedAt = [];
    private readonly Dictionary<int, SiloHandle> _current = [];

    public IReadOnlyDictionary<HostProcess, DateTimeOffset> KilledAt => _killedAt;

    /// <summary>Starts silos 1..<paramref name="count"/> (127.0.0.index) and waits until each is Active.</summary>
    public async Task StartAsync(int count)
    {
        for (var index = 1; index <= count; index++) _current[index] = cluster.StartSilo(index, settings: siloSettings);
        await Task.WhenAll(_current.Values.Select(s => s.Process.WaitForLineAsync(SiloHandle.ActiveLine, ProcessCluster.StartDeadline)));
    }

    public async Task RunAsync(TimeSpan duration, TimeSpan meanGap)
    {
        var run = Stopwatch.StartNew();
        while (true)
        {
            var gap = meanGap * (0.5 + _random.NextDouble());
            if (run.Elapsed + gap > duration) break;
            // The chaos schedule: a random pause between failures, not a wait for anything.
            await Task.Delay(gap, time);
            var victims = new List<int> { AnyOf(Running()) };
            await Task.Delay(TimeSpan.FromSeconds(_random.NextDouble() * 3), time);
            if (Running() is { Count: > 1 } survivors && _random.NextDouble() < 0.3) victims.Add(AnyOf(survivors));
            var deaths = new List<Task>();
            foreach (var index in victims) deaths.Add(Kill(index));
            for (var i = 0; i < victims.Count; i++)
            {
                await deaths[i];
                await RestartAsync(victims[i], samePorts: _random.NextDouble() < 0.5);
            }
        }
    }

    /// <summary>Silo indexes whose current process runs.</summary>
    public IReadOnlyList<int> Running() =>
        [.. _current.Where(s => !s.Value.Process.HasExited && !_killedAt.ContainsKey(s.Value.Process)).Select(s => s.Key).Order()];

    private int AnyOf(IReadOnlyList<int> indexes) => indexes[_random.Next(indexes.Count)];

    /// <summary>Kills silo <paramref name="index"/>; the task returned completes when its row is Dead.</summary>
    private Task Kill(int index)
    {
        if (Running().Count < 2) throw new InvalidOperationException("The chaos driver would kill the last silo.");
        var victim = _current[index];
        victim.Process.Signal(Signals.Kill);
        _killedAt[victim.Process] = DateTimeOffset.UtcNow;
        report.Killed();
        cluster.Log($"SIGKILL {victim.Address}:{victim.SiloPort} (pid {victim.Process.Pid})");
        return WatchDeathAsync(victim);
    }

    private async Task WatchDeathAsync(SiloHandle victim)
    {
        try
        {
            report.DeclaredDead(await cluster.WaitStatusAsync(victim, MembershipRow.Dead, DeclaredDeadDeadline));
        }
        catch (TimeoutException exception)
        {
            report.Note($"FAILOVER: {exception.Message}");
        }
    }

    private async Task RestartAsync(int index, bool samePorts)
    {
        var old = _current[index];
        var fresh = samePorts
            ? cluster.StartSilo(index, old.SiloPort, old.GatewayPort, siloSettings)
            : cluster.StartSilo(index, settings: siloSettings);
        _current[index] = fresh;
        report.Restarted();
        cluster.Log($"restart {fresh.Address}:{fresh.SiloPort} ({(samePorts ? "same ports" : "new ports")}, pid {fresh.Process.Pid})");
        await fresh.Process.WaitForLineAsync(SiloHandle.ActiveLine, ProcessCluster.StartDeadline);
    }
}
