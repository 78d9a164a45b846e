using Shop.Cluster.Testing;

namespace Shop.Cluster.Tests;

/// <summary>Silos joining, leaving, crashing and pausing, as separate processes on a real PostgreSQL membership table.</summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class MembershipTests(ClusterDatabase database, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ProcessCluster _cluster = new(database, output);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Silos_join_and_the_external_api_serves_through_them()
    {
        await Run(async () =>
        {
            var silos = await _cluster.StartActiveSilosAsync(1, 2);
            var http = await _cluster.StartApiAsync();
            var user = await http.CreateUserAsync();
            await http.DepositAsync(user, 5m);
            Assert.Equal(5m, await http.BalanceAsync(user));
            var rows = await _cluster.RowsAsync();
            Assert.All(silos, s => Assert.Contains(rows, r => r.Address == s.Address && r.Port == s.SiloPort && r.Status == MembershipRow.Active));
        });
    }

    [Fact]
    public async Task A_graceful_leave_fails_no_client_request()
    {
        await Run(async () =>
        {
            var silos = await _cluster.StartActiveSilosAsync(1, 2, 3);
            var http = await _cluster.StartApiAsync();
            var users = new List<Guid>();
            for (var i = 0; i < 12; i++) users.Add(await http.CreateUserAsync());

            using var stop = new CancellationTokenSource();
            var failures = new List<string>();
            var calls = 0;
            var load = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    foreach (var user in users)
                    {
                        try
                        {
                            await http.DepositAsync(user, 1m);
                            Interlocked.Increment(ref calls);
                        }
                        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                        {
                            lock (failures) failures.Add(e.Message);
                        }
                    }
                }
            });

            await Eventually.HoldsAsync("some calls before the leave", TimeSpan.FromSeconds(30), () => Task.FromResult(Volatile.Read(ref calls) >= 24));
            silos[2].Process.Signal(Signals.Term);
            Assert.True(await silos[2].Process.ExitsWithinAsync(TimeSpan.FromSeconds(60)), "the silo did not stop after SIGTERM");
            var before = Volatile.Read(ref calls);
            await Eventually.HoldsAsync("calls after the leave", TimeSpan.FromSeconds(30), () => Task.FromResult(Volatile.Read(ref calls) >= before + 24));
            await stop.CancelAsync();
            await load;

            _cluster.Log($"{calls} deposits, {failures.Count} failed");
            Assert.Empty(failures);
            Assert.Equal(MembershipRow.Dead, (await _cluster.RowAsync(silos[2])).Status);
        });
    }

    [Fact]
    public async Task After_a_SIGKILL_the_grains_answer_on_the_survivors_with_every_acknowledged_write()
    {
        await Run(async () =>
        {
            var silos = await _cluster.StartActiveSilosAsync(1, 2, 3);
            var http = await _cluster.StartApiAsync();
            var users = new List<Guid>();
            for (var i = 0; i < 20; i++)
            {
                var user = await http.CreateUserAsync();
                await http.DepositAsync(user, 7m);
                users.Add(user);
            }

            var victim = silos[1];
            victim.Process.Signal(Signals.Kill);
            var dead = await _cluster.WaitStatusAsync(victim, MembershipRow.Dead, TimeSpan.FromSeconds(20));
            var answering = await Eventually.HoldsAsync("every user's grain answering", TimeSpan.FromSeconds(30), async () =>
                (await Task.WhenAll(users.Select(u => http.AnswersAsync(u, TimeSpan.FromSeconds(5))))).All(ok => ok));
            _cluster.Log($"declared dead after {dead.TotalMilliseconds:0} ms; all grains answering {answering.TotalMilliseconds:0} ms later");

            foreach (var user in users) Assert.Equal(7m, await http.BalanceAsync(user));
            Assert.False(silos[0].Process.HasExited);
            Assert.False(silos[2].Process.HasExited);
        });
    }

    [Fact]
    public async Task A_paused_silo_is_declared_dead_and_stops_itself_when_resumed()
    {
        await Run(async () =>
        {
            var silos = await _cluster.StartActiveSilosAsync(1, 2, 3);
            var paused = silos[2];
            paused.Process.Signal(Signals.Stop);
            var dead = await _cluster.WaitStatusAsync(paused, MembershipRow.Dead, TimeSpan.FromSeconds(30));
            _cluster.Log($"paused silo declared dead after {dead.TotalMilliseconds:0} ms");

            paused.Process.Signal(Signals.Cont);
            Assert.True(await paused.Process.ExitsWithinAsync(TimeSpan.FromSeconds(30)), "the resumed silo did not stop itself");
            Assert.False(silos[0].Process.HasExited);
            Assert.False(silos[1].Process.HasExited);
            Assert.Equal(2, (await _cluster.RowsAsync()).Count(r => r.Status == MembershipRow.Active));
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
