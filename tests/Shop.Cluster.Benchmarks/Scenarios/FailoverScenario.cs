using System.Diagnostics;
using System.Net;
using Shop.Cluster.Benchmarks.Hosting;
using Shop.Cluster.Testing;
using Shop.Users;

namespace Shop.Cluster.Benchmarks.Scenarios;

/// <summary>
/// Three Shop.Silo processes; each round kills (SIGKILL) or pauses (SIGSTOP) silo 2 or 3 and measures, from the
/// signal, the time to its Dead row and until every grain that was active on it answers again (re-activated on a
/// survivor), through an Orleans client that does not retry. A paused silo is then resumed and timed until it stops
/// itself. The victim is replaced by a new process before the next round.
/// </summary>
internal sealed class FailoverScenario(BenchCluster cluster, TimeSpan deadline)
{
    private const int GrainCount = 90;
    private readonly BenchCluster.Silo?[] _silos = new BenchCluster.Silo?[4];

    public List<TimeSpan> KillDead { get; } = [];
    public List<TimeSpan> KillCallable { get; } = [];
    public List<TimeSpan> StopDead { get; } = [];
    public List<TimeSpan> StopCallable { get; } = [];
    public List<TimeSpan> StopSelfExit { get; } = [];
    public int Timeouts { get; private set; }

    public async Task RunAsync(int kills, int stops)
    {
        for (var i = 1; i <= 3; i++) _silos[i] = cluster.Start(i);
        await Task.WhenAll(_silos.Skip(1).Select(s => s!.Process.WaitForLineAsync(BenchCluster.ActiveLine, TimeSpan.FromSeconds(120))));
        await cluster.ConnectClientAsync();
        for (var round = 0; round < kills + stops; round++)
        {
            var pause = round >= kills;
            var index = 2 + (round % 2);
            await RoundAsync(index, pause);
        }
    }

    private async Task RoundAsync(int index, bool pause)
    {
        var victim = _silos[index]!;
        var grains = Enumerable.Range(0, GrainCount).Select(i => cluster.Client.GetGrain<IWalletGrain>(new Guid(i, 7, 7, new byte[8]))).ToList();
        await Task.WhenAll(grains.Select(g => g.GetSnapshot()));
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        var endpoint = new IPEndPoint(IPAddress.Parse(victim.Address), victim.Port);
        var moved = new List<IWalletGrain>();
        foreach (var grain in grains)
        {
            if ((await management.GetActivationAddress(grain))?.Endpoint.Equals(endpoint) == true) moved.Add(grain);
        }

        var generation = (await cluster.RowsAsync()).Where(r => r.Address == victim.Address && r.Port == victim.Port).Max(r => r.Generation);
        var watch = Stopwatch.StartNew();
        victim.Process.Signal(pause ? Signals.Stop : Signals.Kill);
        var dead = Eventually.HoldsAsync("Dead row", deadline, async () =>
            (await cluster.RowsAsync()).Any(r => r.Port == victim.Port && r.Generation == generation && r.Status == MembershipRow.Dead));
        var callable = Task.WhenAll(moved.Select(g => FirstAnswerAsync(() => g.GetSnapshot(), watch, deadline)));
        try
        {
            var deadAfter = await dead;
            var answers = await callable;
            var allCallable = answers.Length == 0 ? deadAfter : answers.Max();
            (pause ? StopDead : KillDead).Add(deadAfter);
            (pause ? StopCallable : KillCallable).Add(allCallable);
            Console.WriteLine($"  {(pause ? "SIGSTOP" : "SIGKILL")} silo {index}: Dead row {deadAfter.TotalSeconds:0.00} s, {moved.Count} moved grains all answering {allCallable.TotalSeconds:0.00} s");
        }
        catch (TimeoutException)
        {
            Timeouts++;
            Console.WriteLine($"  {(pause ? "SIGSTOP" : "SIGKILL")} silo {index}: not declared dead within {deadline.TotalSeconds:0} s");
        }

        if (pause)
        {
            var resumed = Stopwatch.StartNew();
            victim.Process.Signal(Signals.Cont);
            if (await victim.Process.ExitsWithinAsync(deadline)) StopSelfExit.Add(resumed.Elapsed);
            else Console.WriteLine($"  resumed silo {index} did not stop itself within {deadline.TotalSeconds:0} s");
        }

        victim.Process.Dispose();
        _silos[index] = await cluster.StartActiveAsync(index);
    }

    /// <summary>
    /// A new attempt every 50 ms, each with its own 2 s timeout, without waiting for earlier ones: a call sent to the
    /// dead silo before it was declared must not hide a later one that would already succeed.
    /// </summary>
    internal static async Task<TimeSpan> FirstAnswerAsync(Func<Task> call, Stopwatch watch, TimeSpan deadline)
    {
        var first = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        while (watch.Elapsed < deadline && !first.Task.IsCompleted)
        {
            _ = Attempt();
            await Task.WhenAny(first.Task, Task.Delay(50));
        }

        return first.Task.IsCompleted ? await first.Task : throw new TimeoutException("a moved grain never answered");

        async Task Attempt()
        {
            try
            {
                await call().WaitAsync(TimeSpan.FromSeconds(2));
                first.TrySetResult(watch.Elapsed);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Not yet: a later attempt will tell.
            }
        }
    }
}
