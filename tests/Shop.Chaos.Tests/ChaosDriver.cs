using System.Diagnostics;
using Shop.Cluster.Testing;

namespace Shop.Chaos.Tests;

/// <summary>
/// SIGKILLs silos at random moments and restarts them, on their old ports or on new ones, never taking the whole
/// cluster down: sometimes a second silo dies at once, or while an earlier victim is still restarting, but one
/// Active silo always survives. The schedule
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

    // The schedule kills while restarts of earlier victims complete on other threads.
    private readonly Lock _gate = new();

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
        var restarts = new List<Task>();
        while (true)
        {
            var gap = meanGap * (0.5 + _random.NextDouble());
            if (run.Elapsed + gap > duration) break;
            // The chaos schedule: a random pause between failures, not a wait for anything.
            await Task.Delay(gap, time);
            var second = _random.NextDouble() < 0.3;
            var samePorts = _random.NextDouble() < 0.5;
            // A kill needs a second serving silo to survive it; silos still restarting do not count.
            if (Running() is not { Count: > 1 } serving) continue;
            var victim = AnyOf(serving);
            restarts.Add(RestartAfterDeathAsync(victim, Kill(victim), samePorts));
            if (second && Running() is { Count: > 1 } survivors)
            {
                victim = AnyOf(survivors);
                restarts.Add(RestartAfterDeathAsync(victim, Kill(victim), !samePorts));
            }
        }

        // The cluster settles with every silo back.
        await Task.WhenAll(restarts);
    }

    /// <summary>Silo indexes whose current process is Active and not killed: the ones serving.</summary>
    public IReadOnlyList<int> Running()
    {
        lock (_gate)
        {
            return [.. _current.Where(s => !s.Value.Process.HasExited && !_killedAt.ContainsKey(s.Value.Process) && s.Value.Process.Count(SiloHandle.ActiveLine) > 0)
                .Select(s => s.Key).Order()];
        }
    }

    private int AnyOf(IReadOnlyList<int> indexes) => indexes[_random.Next(indexes.Count)];

    /// <summary>Kills silo <paramref name="index"/>; the task returned completes when its row is Dead.</summary>
    private Task Kill(int index)
    {
        if (Running().Count < 2) throw new InvalidOperationException("The chaos driver would kill the last silo.");
        SiloHandle victim;
        lock (_gate)
        {
            victim = _current[index];
            victim.Process.Signal(Signals.Kill);
            _killedAt[victim.Process] = DateTimeOffset.UtcNow;
        }

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

    private async Task RestartAfterDeathAsync(int index, Task death, bool samePorts)
    {
        await death;
        SiloHandle fresh;
        lock (_gate)
        {
            var old = _current[index];
            fresh = samePorts
                ? cluster.StartSilo(index, old.SiloPort, old.GatewayPort, siloSettings)
                : cluster.StartSilo(index, settings: siloSettings);
            _current[index] = fresh;
        }

        report.Restarted();
        cluster.Log($"restart {fresh.Address}:{fresh.SiloPort} ({(samePorts ? "same ports" : "new ports")}, pid {fresh.Process.Pid})");
        await fresh.Process.WaitForLineAsync(SiloHandle.ActiveLine, ProcessCluster.StartDeadline);
    }
}
