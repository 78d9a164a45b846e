using Shop.Cluster.Testing;

namespace Shop.Cluster.Tests;

/// <summary>
/// PostgreSQL holds membership, grain state and reminders. When it crashes and comes back under load, nothing it
/// acknowledged may be lost and the silos must carry on by themselves: no restart, no silo declared dead.
/// </summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class DatabaseRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Shoppers = 8;
    private const int AcknowledgedBeforeCrash = 40;
    private const int FailuresDuringOutage = 8;
    private const int AcknowledgedAfterRestart = 40;
    private static readonly TimeSpan PhaseDeadline = TimeSpan.FromSeconds(120);

    private PrivatePostgres? _postgres;
    private ProcessCluster? _cluster;

    public async Task InitializeAsync()
    {
        _postgres = await PrivatePostgres.StartAsync();
        _cluster = new ProcessCluster(_postgres.ConnectionString, output);
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task Acknowledged_deposits_survive_a_database_crash_under_load_and_the_silos_recover_by_themselves()
    {
        var (cluster, postgres) = (_cluster!, _postgres!);
        try
        {
            var silos = await cluster.StartActiveSilosAsync(1, 2);
            var http = await cluster.StartApiAsync();
            var load = new DepositLoad(http, await Task.WhenAll(Enumerable.Range(0, Shoppers).Select(_ => http.CreateUserAsync())));
            var running = load.RunAsync();

            await Eventually.HoldsAsync("deposits acknowledged before the crash", PhaseDeadline, () => Task.FromResult(load.Acknowledged >= AcknowledgedBeforeCrash));
            await postgres.CrashAsync();
            var acknowledgedAtCrash = load.Acknowledged;
            cluster.Log($"PostgreSQL crashed after {acknowledgedAtCrash} acknowledged deposits");
            await Eventually.HoldsAsync("requests failing while the database is down", PhaseDeadline, () => Task.FromResult(load.Failures >= FailuresDuringOutage));
            await postgres.StartServerAsync();
            var acknowledgedAtRestart = load.Acknowledged;
            cluster.Log($"PostgreSQL started again; {load.Failures} failed attempts so far, {acknowledgedAtRestart - acknowledgedAtCrash} deposits acknowledged while it was down");
            var recovery = await Eventually.HoldsAsync("deposits acknowledged after the restart", PhaseDeadline,
                () => Task.FromResult(load.Acknowledged >= acknowledgedAtRestart + AcknowledgedAfterRestart));
            await load.StopAsync(running);
            cluster.Log($"{AcknowledgedAfterRestart} more deposits acknowledged {recovery.TotalSeconds:0.0} s after the restart; {load.Describe()}");

            // The outage is the database's, not the shop's fault: clients are told to retry (503), never given a 500.
            Assert.DoesNotContain("500", load.FailureKinds);
            foreach (var (user, amount) in load.Ledger) Assert.Equal(amount, await http.BalanceAsync(user));
            Assert.All(silos, s => Assert.False(s.Process.HasExited, $"{s.Process.Name} exited"));
            Assert.All(await cluster.RowsAsync(), r => Assert.Equal(MembershipRow.Active, r.Status));
        }
        catch
        {
            cluster.DumpOutput();
            throw;
        }
    }
}
