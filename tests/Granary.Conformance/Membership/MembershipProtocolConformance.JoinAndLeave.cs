using Granary.Membership;
using Granary.Runtime;

namespace Granary.Conformance.Membership;

/// <summary>
/// The membership protocol over a provider's table: several silos' membership services on one manual clock and a
/// fake network, no host. Each provider's test project derives this and supplies tables; the same scenarios must
/// hold over every IMembershipTable. This part: joining, leaving, restarts and cleanup.
/// </summary>
public abstract partial class MembershipProtocolConformance
{
    /// <summary>An initialized, empty table of a new cluster.</summary>
    protected abstract Task<IMembershipTable> CreateTableAsync();

    private async Task<MembershipCluster> NewClusterAsync() => new(await CreateTableAsync());

    [Fact]
    public async Task A_silo_joins_as_Joining_becomes_Active_and_others_learn_it_through_gossip()
    {
        await using var cluster = await NewClusterAsync();
        var a = await cluster.StartSiloAsync("10.0.0.1");
        var b = cluster.CreateSilo("10.0.0.2");

        await b.JoinAsync();
        await cluster.IdleAsync();
        Assert.Equal(SiloStatus.Joining, (await cluster.RowAsync(b.Address)).Status);
        Assert.Equal(SiloStatus.Joining, a.StatusOf(b));
        Assert.DoesNotContain(b.Address, a.View.Current.ActiveSilos);

        await b.ActivateAsync();
        await cluster.IdleAsync();
        // No time passed: A learned both changes from B's gossip, not from its periodic refresh.
        Assert.Equal(SiloStatus.Active, a.StatusOf(b));
        Assert.Equal([a.Address, b.Address], b.View.Current.ActiveSilos.ToArray());
        var row = await cluster.RowAsync(b.Address);
        Assert.Equal((cluster.Clock.GetUtcNow(), "silo-10.0.0.2", Environment.MachineName), (row.StartTime, row.SiloName, row.HostName));
    }

    [Fact]
    public async Task A_graceful_stop_writes_ShuttingDown_then_Dead_and_the_silo_does_not_stop_itself_over_it()
    {
        await using var cluster = await NewClusterAsync();
        var a = await cluster.StartSiloAsync("10.0.0.1");
        var b = await cluster.StartSiloAsync("10.0.0.2");
        var seenBefore = a.Changes.Count;

        await b.StopGracefullyAsync();
        await cluster.IdleAsync();

        var statusesOfB = a.Changes.Skip(seenBefore).Select(s => s.GetStatus(b.Address)).ToList();
        Assert.Equal([SiloStatus.ShuttingDown, SiloStatus.Dead], statusesOfB);
        Assert.Equal(SiloStatus.Dead, (await cluster.RowAsync(b.Address)).Status);
        Assert.False(b.Lifetime.StopRequested);
        Assert.DoesNotContain(b.Log.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Critical);

        // Nothing of B's keeps running: time passes without writes from it.
        var rowAfterStop = await cluster.RowAsync(b.Address);
        await cluster.AdvanceAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(rowAfterStop.IAmAliveTime, (await cluster.RowAsync(b.Address)).IAmAliveTime);
        Assert.Equal(SiloStatus.Active, (await cluster.RowAsync(a.Address)).Status);
    }

    [Fact]
    public async Task Refreshing_an_unchanged_table_raises_no_change()
    {
        await using var cluster = await NewClusterAsync();
        var a = await cluster.StartSiloAsync("10.0.0.1");
        await cluster.StartSiloAsync("10.0.0.2");
        var changes = a.Changes.Count;

        await a.Service.RefreshAsync(CancellationToken.None);
        await cluster.AdvanceAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(changes, a.Changes.Count);
    }

    [Fact]
    public async Task A_restarted_silo_marks_its_old_generation_dead_when_it_joins()
    {
        await using var cluster = await NewClusterAsync();
        var a = await cluster.StartSiloAsync("10.0.0.1");
        var old = await cluster.StartSiloAsync("10.0.0.2", generation: 1);
        old.Kill();

        var restarted = await cluster.StartSiloAsync("10.0.0.2", generation: 2);

        // At once, not after probes: the new incarnation knows the old one is gone.
        Assert.Equal(SiloStatus.Dead, (await cluster.RowAsync(old.Address)).Status);
        Assert.Equal(SiloStatus.Dead, a.StatusOf(old));
        Assert.Equal(SiloStatus.Active, a.StatusOf(restarted));
        Assert.Contains(restarted.Log.Entries, e => e.Message.Contains("supersedes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_silo_cannot_join_with_a_generation_older_than_a_live_one_on_its_endpoint()
    {
        await using var cluster = await NewClusterAsync();
        await cluster.StartSiloAsync("10.0.0.2", generation: 5);
        var older = cluster.CreateSilo("10.0.0.2", generation: 4);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(older.JoinAsync);
        Assert.Contains("10.0.0.2:11111@5", failure.Message);
    }

    [Fact]
    public async Task Rows_of_dead_silos_are_deleted_once_older_than_the_expiration()
    {
        await using var cluster = await NewClusterAsync();
        cluster.Options.DefunctSiloExpiration = TimeSpan.FromHours(1);
        cluster.Options.DefunctSiloCleanupPeriod = TimeSpan.FromMinutes(10);
        var now = cluster.Clock.GetUtcNow();
        var longDead = new SiloAddress("10.0.0.8", 1, 1);
        var recentlyDead = new SiloAddress("10.0.0.9", 1, 1);
        await cluster.SeedRowAsync(longDead, SiloStatus.Dead, now.AddHours(-2));
        await cluster.SeedRowAsync(recentlyDead, SiloStatus.Dead, now.AddMinutes(-1));
        var a = await cluster.StartSiloAsync("10.0.0.1");

        await cluster.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal([a.Address, recentlyDead], await SilosInTableAsync(cluster));

        await cluster.AdvanceAsync(TimeSpan.FromMinutes(60));
        Assert.Equal([a.Address], await SilosInTableAsync(cluster));
    }

    [Fact]
    public async Task Stop_runs_in_order_ShuttingDown_then_lower_stages_then_Dead()
    {
        await using var cluster = await NewClusterAsync();
        var a = await cluster.StartSiloAsync("10.0.0.1");
        var b = cluster.CreateSilo("10.0.0.2");
        var handOff = new StatusRecordingParticipant(b, cluster);
        var host = new Lifecycle.SiloHostedService(
            [b.Service, new SiloActivation(b.Service), new SiloShutdownAnnouncer(b.Service), handOff],
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Lifecycle.SiloHostedService>.Instance);

        await host.StartAsync(CancellationToken.None);
        await cluster.IdleAsync();
        Assert.Equal(SiloStatus.Active, a.StatusOf(b));
        Assert.Equal(SiloStatus.Active, handOff.StatusAtStart);
        await host.StopAsync(CancellationToken.None);

        Assert.Equal(SiloStatus.ShuttingDown, handOff.StatusAtStop);
        Assert.Equal(SiloStatus.Dead, (await cluster.RowAsync(b.Address)).Status);
    }

    private static async Task<SiloAddress[]> SilosInTableAsync(MembershipCluster cluster) =>
        [.. (await cluster.Table.ReadAllAsync(CancellationToken.None)).Rows.Select(r => r.Entry.Silo).Order()];

    /// <summary>Stands for the activation hand-off, at stage BecomeActive with the catalog.</summary>
    private sealed class StatusRecordingParticipant(MemberSilo silo, MembershipCluster cluster) : Lifecycle.ISiloLifecycleParticipant
    {
        public SiloStatus StatusAtStart { get; private set; }

        public SiloStatus StatusAtStop { get; private set; }

        public int Stage => Lifecycle.ServiceLifecycleStage.BecomeActive;

        public async Task OnStartAsync(CancellationToken cancellationToken) => StatusAtStart = (await cluster.RowAsync(silo.Address)).Status;

        public async Task OnStopAsync(CancellationToken cancellationToken) => StatusAtStop = (await cluster.RowAsync(silo.Address)).Status;
    }
}
