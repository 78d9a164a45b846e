using System.Diagnostics;
using Shop.Cluster.Benchmarks.Hosting;
using Shop.Users;

namespace Shop.Cluster.Benchmarks.Scenarios;

/// <summary>
/// Whole-cluster crash: every silo SIGKILLed at once (their rows stay Active), then one new silo on new ports.
/// Measures, from that process's start, the first successful grain call through a client that stayed up (as the
/// API does), and when the silo logged itself Active. With <paramref name="readyToRunDll"/>, every other new silo is
/// the ReadyToRun-published one, so both kinds are timed under the same machine load.
/// </summary>
internal sealed class RestartScenario(BenchCluster cluster, TimeSpan deadline, string? readyToRunDll = null)
{
    public List<TimeSpan> FirstCall { get; } = [];
    public List<TimeSpan> Active { get; } = [];
    public List<TimeSpan> ReadyToRunFirstCall { get; } = [];
    public List<TimeSpan> ReadyToRunActive { get; } = [];
    public int Timeouts { get; private set; }

    public async Task RunAsync(int rounds)
    {
        var live = new List<BenchCluster.Silo> { cluster.Start(1), cluster.Start(2) };
        await Task.WhenAll(live.Select(s => s.Process.WaitForLineAsync(BenchCluster.ActiveLine, TimeSpan.FromSeconds(120))));
        await cluster.ConnectClientAsync();
        var grain = cluster.Client.GetGrain<IWalletGrain>(Guid.NewGuid());
        await grain.GetSnapshot();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var silo in live) silo.Process.Signal(Shop.Cluster.Testing.Signals.Kill);
            foreach (var silo in live) await silo.Process.ExitsWithinAsync(TimeSpan.FromSeconds(10));
            var readyToRun = readyToRunDll is not null && round % 2 == 1;
            var (firstCalls, actives) = readyToRun ? (ReadyToRunFirstCall, ReadyToRunActive) : (FirstCall, Active);
            var watch = Stopwatch.StartNew();
            var fresh = cluster.Start(3 + (round % 2), dll: readyToRun ? readyToRunDll : null);
            var active = fresh.Process.WaitForLineAsync(BenchCluster.ActiveLine, deadline).ContinueWith(_ => watch.Elapsed, TaskScheduler.Default);
            try
            {
                firstCalls.Add(await FailoverScenario.FirstAnswerAsync(() => grain.GetSnapshot(), watch, deadline));
                actives.Add(await active);
                Console.WriteLine($"  restart {round + 1}{(readyToRun ? " (ReadyToRun)" : "")}: new silo Active {actives[^1].TotalSeconds:0.00} s, " +
                                  $"first successful call {firstCalls[^1].TotalSeconds:0.00} s after it started");
            }
            catch (TimeoutException)
            {
                Timeouts++;
                Console.WriteLine($"  restart {round + 1}: no successful call within {deadline.TotalSeconds:0} s");
            }

            // The next round's crash takes the new silo and a second one down together.
            var second = await cluster.StartActiveAsync(1 + (round % 2));
            live = [fresh, second];
        }
    }
}
