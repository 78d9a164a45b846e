using System.Diagnostics;
using Shop.Cluster.Testing;

namespace Shop.Cluster.Tests;

/// <summary>Silos restarting after a crash, on the same ports or new ones, and a whole cluster restarting at once.</summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class RestartTests(ClusterDatabase database, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ProcessCluster _cluster = new(database, output);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_crashed_silo_restarts_on_the_same_ports_and_on_new_ones()
    {
        await Run(async () =>
        {
            var silos = await _cluster.StartActiveSilosAsync(1, 2);
            var crashed = silos[1];
            crashed.Process.Signal(Signals.Kill);
            Assert.True(await crashed.Process.ExitsWithinAsync(TimeSpan.FromSeconds(10)));

            var samePorts = _cluster.StartSilo(2, crashed.SiloPort, crashed.GatewayPort);
            await samePorts.Process.WaitForLineAsync(SiloHandle.ActiveLine, ProcessCluster.StartDeadline);
            var rows = await _cluster.RowsAsync();
            var onPort = rows.Where(r => r.Address == crashed.Address && r.Port == crashed.SiloPort).OrderBy(r => r.Generation).ToList();
            Assert.Equal([MembershipRow.Dead, MembershipRow.Active], onPort.Select(r => r.Status));

            samePorts.Process.Signal(Signals.Kill);
            var newPorts = _cluster.StartSilo(2);
            await newPorts.Process.WaitForLineAsync(SiloHandle.ActiveLine, ProcessCluster.StartDeadline);
            await _cluster.WaitStatusAsync(samePorts, MembershipRow.Dead, TimeSpan.FromSeconds(20));
            Assert.Equal(2, (await _cluster.RowsAsync()).Count(r => r.Status == MembershipRow.Active));
        });
    }

    [Fact]
    public async Task After_a_whole_cluster_SIGKILL_new_silos_on_new_ports_answer_fast()
    {
        await Run(async () =>
        {
            var silos = await _cluster.StartActiveSilosAsync(1, 2);
            var http = await _cluster.StartApiAsync();
            var user = await http.CreateUserAsync();
            await http.DepositAsync(user, 3m);

            foreach (var silo in silos) silo.Process.Signal(Signals.Kill);
            foreach (var silo in silos) Assert.True(await silo.Process.ExitsWithinAsync(TimeSpan.FromSeconds(10)));
            Assert.Equal(2, (await _cluster.RowsAsync()).Count(r => r.Status == MembershipRow.Active));

            var started = Stopwatch.StartNew();
            var fresh = _cluster.StartSilo(3);
            var firstCall = await Eventually.HoldsAsync("the first successful call after the restart", TimeSpan.FromSeconds(60), () =>
                http.AnswersAsync(user, TimeSpan.FromSeconds(2)));
            _cluster.Log($"first successful call {firstCall.TotalMilliseconds:0} ms after the first new silo started");

            // The stale rows were declared dead on evidence (refused connections), not aged out.
            Assert.Equal(2, fresh.Process.Count("dead before joining"));
            Assert.Equal(3m, await http.BalanceAsync(user));
            // Generous for a loaded 2-core machine; the benchmark measures the median (docs/cluster.md).
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"first call took {started.Elapsed}");
        });
    }

    private async Task Run(Func<Task> test)
    {
        try
        {
            await test();
        }
        catch
        {
            _cluster.DumpOutput();
            throw;
        }
    }
}
