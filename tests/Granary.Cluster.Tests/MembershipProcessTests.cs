using Xunit.Abstractions;

namespace Granary.Cluster.Tests;

/// <summary>
/// Silos as separate processes on real PostgreSQL membership: join, leave, crash, restart and pause. Tests run one
/// after another (one class): several clusters at once on 2 cores would measure the machine, not the protocol.
/// </summary>
public sealed class MembershipProcessTests(ITestOutputHelper output)
{
    private const int Grains = 24;

    [Fact]
    public async Task Silos_join_and_a_client_reaches_grains_through_the_membership_table()
    {
        await using var cluster = new ProcessCluster();
        var a = cluster.StartSilo();
        var b = cluster.StartSilo();

        var joined = await cluster.WaitActiveAsync(a, b);
        await cluster.ConnectClientAsync();

        Assert.True(await cluster.AllGrainsAnswerAsync(Grains), "grain calls through the gateways failed");
        output.WriteLine($"two silo processes Active after {joined.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task A_silo_stopped_with_SIGTERM_leaves_gracefully_and_its_grains_answer_elsewhere()
    {
        await using var cluster = new ProcessCluster();
        var a = cluster.StartSilo();
        var b = cluster.StartSilo();
        await cluster.WaitActiveAsync(a, b);
        await cluster.ConnectClientAsync();
        Assert.True(await cluster.AllGrainsAnswerAsync(Grains));
        var generation = await cluster.GenerationAsync(b);

        b.Signal(Signals.Term);

        Assert.True(await b.ExitsWithinAsync(ProcessCluster.FailoverDeadline), $"the silo did not exit after SIGTERM:\n{b.Output()}");
        await cluster.WaitDeadAsync(b.Port, generation, TimeSpan.FromSeconds(1));
        Assert.True(await cluster.AllGrainsAnswerAsync(Grains), "grains of the departed silo did not answer on the survivor");
    }

    [Fact]
    public async Task A_silo_killed_with_SIGKILL_is_declared_dead_and_its_grains_answer_elsewhere()
    {
        await using var cluster = new ProcessCluster();
        var a = cluster.StartSilo();
        var b = cluster.StartSilo();
        await cluster.WaitActiveAsync(a, b);
        await cluster.ConnectClientAsync();
        Assert.True(await cluster.AllGrainsAnswerAsync(Grains));
        var generation = await cluster.GenerationAsync(b);

        b.Signal(Signals.Kill);

        var callable = await Eventually.HoldsAsync("every grain answers after the kill", ProcessCluster.FailoverDeadline, () => cluster.AllGrainsAnswerAsync(Grains));
        var dead = await cluster.WaitDeadAsync(b.Port, generation, ProcessCluster.FailoverDeadline);
        output.WriteLine($"SIGKILL: all {Grains} grains callable after {callable.TotalSeconds:0.00} s; row Dead {dead.TotalSeconds:0.00} s after that");
    }

    [Fact]
    public async Task A_restarted_silo_joins_with_a_new_generation_and_supersedes_its_old_row()
    {
        await using var cluster = new ProcessCluster();
        var a = cluster.StartSilo();
        var b = cluster.StartSilo();
        await cluster.WaitActiveAsync(a, b);
        var old = await cluster.GenerationAsync(b);

        b.Signal(Signals.Kill);
        Assert.True(await b.ExitsWithinAsync(TimeSpan.FromSeconds(10)));
        var restarted = cluster.StartSilo(b.Port);

        // The old row may still read Active until the restart supersedes it, so wait for a newer generation.
        await Eventually.HoldsAsync("a newer generation Active on the restarted port", ProcessCluster.JoinDeadline, async () =>
            (await cluster.RowsAsync()).Any(r => r.Port == b.Port && r.Generation > old && r.Status == MembershipRow.Active));
        Assert.False(restarted.HasExited, restarted.Output());
        await cluster.WaitDeadAsync(b.Port, old, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_whole_cluster_restart_starts_cleanly_beside_stale_Active_rows()
    {
        await using var cluster = new ProcessCluster();
        var first = new[] { cluster.StartSilo(), cluster.StartSilo() };
        await cluster.WaitActiveAsync(first);
        var stale = (await cluster.RowsAsync()).Where(r => r.Status == MembershipRow.Active).ToList();
        foreach (var silo in first) silo.Signal(Signals.Kill);
        foreach (var silo in first) Assert.True(await silo.ExitsWithinAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, (await cluster.RowsAsync()).Count(r => r.Status == MembershipRow.Active));

        // New ports: nothing supersedes the old rows by endpoint; they must be recognised as stale and unreachable.
        var second = new[] { cluster.StartSilo(), cluster.StartSilo() };
        var joined = await cluster.WaitActiveAsync(second);
        foreach (var row in stale) await cluster.WaitDeadAsync(row.Port, row.Generation, ProcessCluster.FailoverDeadline);
        await cluster.ConnectClientAsync();

        Assert.True(await cluster.AllGrainsAnswerAsync(Grains));
        output.WriteLine($"whole-cluster restart: new silos Active after {joined.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task A_silo_paused_with_SIGSTOP_is_declared_dead_and_stops_itself_when_resumed()
    {
        await using var cluster = new ProcessCluster();
        var silos = new[] { cluster.StartSilo(), cluster.StartSilo(), cluster.StartSilo() };
        await cluster.WaitActiveAsync(silos);
        var paused = silos[2];
        var generation = await cluster.GenerationAsync(paused);

        paused.Signal(Signals.Stop);
        var dead = await cluster.WaitDeadAsync(paused.Port, generation, ProcessCluster.FailoverDeadline);
        paused.Signal(Signals.Cont);

        Assert.True(await paused.ExitsWithinAsync(ProcessCluster.FailoverDeadline), $"the resumed silo kept running as a zombie:\n{paused.Output()}");
        Assert.DoesNotContain((await cluster.RowsAsync()).Where(r => r.Port == paused.Port), r => r.Status == MembershipRow.Active);
        output.WriteLine($"SIGSTOP: declared dead after {dead.TotalSeconds:0.0} s; stopped itself once resumed");
    }
}
