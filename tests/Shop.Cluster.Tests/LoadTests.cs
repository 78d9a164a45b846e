using System.Diagnostics;
using Shop.Cluster.Testing;

namespace Shop.Cluster.Tests;

/// <summary>The tuned failure detection must not mistake a busy silo for a dead one.</summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class LoadTests(ClusterDatabase database, ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>20 s in the default run; SHOP_LOAD_SECONDS=600 is the 10-minute soak the issue asks for.</summary>
    private static readonly TimeSpan LoadDuration = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("SHOP_LOAD_SECONDS"), out var seconds) && seconds > 0 ? seconds : 20);
    private readonly ProcessCluster _cluster = new(database, output);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task No_silo_is_declared_dead_on_a_saturated_machine()
    {
        var silos = await _cluster.StartActiveSilosAsync(1, 2, 3);
        var http = await _cluster.StartApiAsync();
        var users = new List<Guid>();
        for (var i = 0; i < 16; i++) users.Add(await http.CreateUserAsync());

        // Every core busy twice over with spinning threads, beside a request load through the API to all three silos.
        var watch = Stopwatch.StartNew();
        var burners = Enumerable.Range(0, Environment.ProcessorCount * 2).Select(_ => new Thread(() =>
        {
            while (watch.Elapsed < LoadDuration) Thread.SpinWait(1000);
        }) { IsBackground = true }).ToList();
        burners.ForEach(t => t.Start());
        var requests = 0;
        var failures = 0;
        await Task.WhenAll(users.Select(async user =>
        {
            while (watch.Elapsed < LoadDuration)
            {
                try
                {
                    await http.DepositAsync(user, 1m);
                    Interlocked.Increment(ref requests);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        burners.ForEach(t => t.Join());

        var rows = await _cluster.RowsAsync();
        _cluster.Log($"{requests} deposits ({failures} failed) in {LoadDuration.TotalSeconds:0} s under full CPU load; rows: {string.Join(", ", rows.Select(r => $"{r.Address}:{r.Port}={r.Status} votes[{r.SuspectTimes}]"))}");
        if (rows.Any(r => r.Status != MembershipRow.Active)) _cluster.DumpOutput();
        Assert.All(rows, r => Assert.Equal(MembershipRow.Active, r.Status));
        Assert.All(silos, s => Assert.False(s.Process.HasExited));
        Assert.True(requests > 0);
    }
}
