using Granary.Membership;
using Granary.Runtime;

namespace Granary.Conformance.Membership;

/// <summary>This part: failure detection, votes, indirect probes, self-stop and stale rows.</summary>
public abstract partial class MembershipProtocolConformance
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_killed_silo_is_declared_dead_by_two_votes_within_four_seconds_with_the_defaults()
    {
        await using var cluster = await NewClusterAsync();
        var a = await cluster.StartSiloAsync("10.0.0.1");
        var b = await cluster.StartSiloAsync("10.0.0.2");
        var c = await cluster.StartSiloAsync("10.0.0.3");

        c.Kill();
        var took = await cluster.AdvanceUntilAsync(
            () => a.StatusOf(c) == SiloStatus.Dead && b.StatusOf(c) == SiloStatus.Dead, Patience, "C declared dead in every view");

        Assert.InRange(took, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
        var row = await cluster.RowAsync(c.Address);
        Assert.Equal([a.Address, b.Address], row.Suspicions.Select(v => v.Suspecter).Order());
        Assert.Empty((await cluster.RowAsync(a.Address)).Suspicions);
        Assert.Empty((await cluster.RowAsync(b.Address)).Suspicions);
        Assert.False(a.Lifetime.StopRequested || b.Lifetime.StopRequested);
    }

    [Fact]
    public async Task In_a_cluster_of_three_one_vote_does_not_declare()
    {
        await using var cluster = await NewClusterAsync();
        cluster.Options.IndirectProbeCount = 0;
        var a = await cluster.StartSiloAsync("10.0.0.1");
        var b = await cluster.StartSiloAsync("10.0.0.2");
        var c = await cluster.StartSiloAsync("10.0.0.3");

        // Only A loses C; B still reaches it, so B never votes.
        cluster.Network.Cut(a.Address, c.Address);
        await cluster.AdvanceAsync(TimeSpan.FromSeconds(30));

        var row = await cluster.RowAsync(c.Address);
        Assert.Equal(SiloStatus.Active, row.Status);
        Assert.Equal([a.Address], row.Suspicions.Select(v => v.Suspecter));
        Assert.Equal(SiloStatus.Active, b.StatusOf(c));
    }

    [Fact]
    public async Task In_a_cluster_of_two_the_survivor_declares_alone()
    {
        await using var cluster = await NewClusterAsync();
        var a = await cluster.StartSiloAsync("10.0.0.1");
        var b = await cluster.StartSiloAsync("10.0.0.2");

        b.Kill();
        var took = await cluster.AdvanceUntilAsync(() => a.StatusOf(b) == SiloStatus.Dead, Patience, "B declared dead");

        Assert.True(took <= TimeSpan.FromSeconds(4), $"took {took}");
        Assert.Equal([a.Address], (await cluster.RowAsync(b.Address)).Suspicions.Select(v => v.Suspecter));
    }

    [Fact]
    public async Task A_silo_another_silo_reaches_is_not_voted_against()
    {
        await using var cluster = await NewClusterAsync();
        var a = await cluster.StartSiloAsync("10.0.0.1");
        var b = await cluster.StartSiloAsync("10.0.0.2");
        var c = await cluster.StartSiloAsync("10.0.0.3");

        cluster.Network.Cut(a.Address, c.Address);
        await cluster.AdvanceAsync(TimeSpan.FromSeconds(30));

        Assert.Contains((a.Address, c.Address, (SiloAddress?)b.Address), cluster.Network.Probes);
        var row = await cluster.RowAsync(c.Address);
        Assert.Equal(SiloStatus.Active, row.Status);
        Assert.Empty(row.Suspicions);
        Assert.Contains(a.Log.Entries, e => e.Message.Contains("answered another silo's probe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Probes_that_fail_now_and_then_never_add_up_to_a_vote()
    {
        await using var cluster = await NewClusterAsync();
        cluster.Options.IndirectProbeCount = 0;
        var a = await cluster.StartSiloAsync("10.0.0.1");
        var b = await cluster.StartSiloAsync("10.0.0.2");

        // Two probes in three are lost for a minute: never three misses in a row.
        for (var second = 0; second < 60; second++)
        {
            if (second % 3 == 0) cluster.Network.Restore(a.Address, b.Address);
            else cluster.Network.Cut(a.Address, b.Address);
            await cluster.AdvanceAsync(TimeSpan.FromSeconds(1));
        }

        Assert.Empty((await cluster.RowAsync(a.Address)).Suspicions);
        Assert.Empty((await cluster.RowAsync(b.Address)).Suspicions);
        Assert.Equal(SiloStatus.Active, a.StatusOf(b));
    }

    [Fact]
    public async Task A_connection_failure_probes_at_once_and_shortens_detection()
    {
        await using var cluster = await NewClusterAsync();
        var a = await cluster.StartSiloAsync("10.0.0.1");
        var b = await cluster.StartSiloAsync("10.0.0.2");
        await cluster.AdvanceAsync(TimeSpan.FromMilliseconds(1500));

        b.Kill();
        var probesBefore = ProbesOf(cluster, a, b);
        a.Service.OnConnectionFailed(b.Address);
        await cluster.IdleAsync();
        Assert.Equal(probesBefore + 1, ProbesOf(cluster, a, b));

        var took = await cluster.AdvanceUntilAsync(() => a.StatusOf(b) == SiloStatus.Dead, Patience, "B declared dead");
        Assert.True(took <= TimeSpan.FromSeconds(2), $"took {took}");
    }

    [Fact]
    public async Task A_silo_declared_dead_while_paused_stops_itself_when_it_resumes_and_writes_nothing()
    {
        await using var cluster = await NewClusterAsync();
        var a = await cluster.StartSiloAsync("10.0.0.1");
        var b = await cluster.StartSiloAsync("10.0.0.2");
        var c = await cluster.StartSiloAsync("10.0.0.3");

        c.Pause();
        await cluster.AdvanceUntilAsync(() => a.StatusOf(c) == SiloStatus.Dead, Patience, "C declared dead");
        await cluster.AdvanceAsync(TimeSpan.FromSeconds(10));
        var declared = (await cluster.Table.ReadAllAsync(CancellationToken.None)).Rows.Single(r => r.Entry.Silo == c.Address);

        c.Resume();
        await cluster.IdleAsync();

        Assert.True(c.Lifetime.StopRequested);
        Assert.True(c.Service.IsDeclaredDead);
        Assert.Contains(c.Log.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Critical && e.Message.Contains("declared dead", StringComparison.Ordinal));
        Assert.Equal(SiloStatus.Dead, c.View.Current.GetStatus(c.Address));

        // The host then stops it: no ShuttingDown, no second Dead write, no votes against the living.
        await c.StopGracefullyAsync();
        await cluster.AdvanceAsync(TimeSpan.FromSeconds(10));
        var after = (await cluster.Table.ReadAllAsync(CancellationToken.None)).Rows.Single(r => r.Entry.Silo == c.Address);
        Assert.Equal((declared.ETag, SiloStatus.Dead), (after.ETag, after.Entry.Status));
        Assert.Empty((await cluster.RowAsync(a.Address)).Suspicions);
        Assert.Empty((await cluster.RowAsync(b.Address)).Suspicions);
    }

    [Fact]
    public async Task A_silo_whose_row_is_gone_stops_itself()
    {
        await using var cluster = await NewClusterAsync();
        var a = await cluster.StartSiloAsync("10.0.0.1");

        await cluster.Table.DeleteMembershipTableEntriesAsync(CancellationToken.None);
        await a.Service.RefreshAsync(CancellationToken.None);

        Assert.True(a.Lifetime.StopRequested);
    }

    [Fact]
    public async Task Stale_rows_of_a_previous_run_that_do_not_answer_are_declared_dead_by_the_first_silo_to_join()
    {
        await using var cluster = await NewClusterAsync();
        var longAgo = cluster.Clock.GetUtcNow().AddMinutes(-2);
        var gone1 = new SiloAddress("10.0.0.7", 11111, 1);
        var gone2 = new SiloAddress("10.0.0.8", 11111, 1);
        var crashedWhileJoining = new SiloAddress("10.0.0.9", 11111, 1);
        var answering = new SiloAddress("10.0.0.6", 11111, 1);
        await cluster.SeedRowAsync(gone1, SiloStatus.Active, longAgo);
        await cluster.SeedRowAsync(gone2, SiloStatus.ShuttingDown, longAgo);
        await cluster.SeedRowAsync(crashedWhileJoining, SiloStatus.Joining, longAgo);
        await cluster.SeedRowAsync(answering, SiloStatus.Active, longAgo);
        cluster.Network.Up(answering);

        var a = cluster.CreateSilo("10.0.0.1");
        await a.JoinAsync();
        await cluster.IdleAsync();

        // Declared during the join, before A even became Active, by A alone.
        Assert.Equal(SiloStatus.Dead, (await cluster.RowAsync(gone1)).Status);
        Assert.Equal(SiloStatus.Dead, (await cluster.RowAsync(gone2)).Status);
        Assert.Equal(SiloStatus.Dead, (await cluster.RowAsync(crashedWhileJoining)).Status);
        Assert.Equal(SiloStatus.Active, (await cluster.RowAsync(answering)).Status);
        await a.ActivateAsync();
        Assert.Equal(SiloStatus.Active, a.StatusOf(a));
    }

    [Fact]
    public async Task Fresh_rows_of_a_previous_run_are_voted_out_by_a_lone_joiner()
    {
        await using var cluster = await NewClusterAsync();
        var now = cluster.Clock.GetUtcNow();
        SiloAddress[] previous = [new("10.0.0.7", 11111, 1), new("10.0.0.8", 11111, 1), new("10.0.0.9", 11111, 1)];
        foreach (var silo in previous) await cluster.SeedRowAsync(silo, SiloStatus.Active, now.AddSeconds(-1));

        var a = await cluster.StartSiloAsync("10.0.0.1");
        Assert.All(previous, silo => Assert.Equal(SiloStatus.Active, a.View.Current.GetStatus(silo)));

        var took = await cluster.AdvanceUntilAsync(
            () => previous.All(silo => a.View.Current.GetStatus(silo) == SiloStatus.Dead), Patience, "every row of the previous run dead");
        Assert.True(took <= TimeSpan.FromSeconds(6), $"took {took}");
        Assert.Equal([a.Address], a.View.Current.ActiveSilos.ToArray());
    }

    private static int ProbesOf(MembershipCluster cluster, MemberSilo from, MemberSilo target) =>
        cluster.Network.Probes.Count(p => p.From == from.Address && p.Target == target.Address && p.Via is null);
}
