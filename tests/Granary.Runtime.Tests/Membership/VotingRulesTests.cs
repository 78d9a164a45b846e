using Granary.Configuration;
using Granary.Membership;

namespace Granary.Runtime.Tests.Membership;

public sealed class VotingRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ClusterMembershipOptions Options = new();

    private static SiloAddress Silo(int n) => new($"10.0.0.{n}", 11111, 1);

    private static MembershipTableData Table(params MembershipEntry[] entries) =>
        new([.. entries.Select((e, i) => new MembershipRow(e, i.ToString(System.Globalization.CultureInfo.InvariantCulture)))], new TableVersion(1, "v"));

    private static MembershipEntry Row(int n, SiloStatus status = SiloStatus.Active, DateTimeOffset? alive = null, params SuspicionVote[] votes) => new()
    {
        Silo = Silo(n),
        Status = status,
        StartTime = Now,
        IAmAliveTime = alive ?? Now,
        Suspicions = votes,
    };

    [Fact]
    public void Each_silo_probes_its_successors_on_the_ring_of_active_and_shutting_down_silos()
    {
        var table = Table(Row(1), Row(2), Row(3, SiloStatus.Joining), Row(4, SiloStatus.ShuttingDown), Row(5, SiloStatus.Dead), Row(6));

        Assert.Equal([Silo(2), Silo(4)], ProbeRing.Successors(table, Silo(1), 2));
        Assert.Equal([Silo(1), Silo(2), Silo(4)], ProbeRing.Successors(table, Silo(6), 3));
        Assert.Equal([Silo(4), Silo(6), Silo(1), Silo(2)], ProbeRing.Successors(table, Silo(3), 10));
        Assert.Empty(ProbeRing.Successors(Table(Row(1)), Silo(1), 3));
    }

    [Fact]
    public void With_several_silos_every_silo_is_watched_by_as_many_as_each_probes()
    {
        var table = Table([.. Enumerable.Range(1, 7).Select(n => Row(n))]);
        var watchers = Enumerable.Range(1, 7)
            .SelectMany(n => ProbeRing.Successors(table, Silo(n), 3))
            .GroupBy(target => target)
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.All(Enumerable.Range(1, 7), n => Assert.Equal(3, watchers[Silo(n)]));
    }

    [Fact]
    public void Votes_needed_are_the_configured_count_capped_by_the_live_unsuspected_voters()
    {
        // Three active silos: the suspect aside, two can vote.
        Assert.Equal(2, SuspicionVoting.VotesNeeded(Table(Row(1), Row(2), Row(3)), Silo(3), Silo(1), Now, Options));
        // Two silos: the survivor alone.
        Assert.Equal(1, SuspicionVoting.VotesNeeded(Table(Row(1), Row(2)), Silo(2), Silo(1), Now, Options));
        // A silo with a fresh vote against it, or a stale I-am-alive, is no voter.
        var suspected = Row(2, votes: new SuspicionVote(Silo(1), Now.AddSeconds(-1)));
        var stale = Row(4, alive: Now - Options.IAmAliveStaleAfter - TimeSpan.FromSeconds(1));
        Assert.Equal(1, SuspicionVoting.VotesNeeded(Table(Row(1), suspected, Row(3), stale), Silo(3), Silo(1), Now, Options));
        // An expired vote no longer makes a suspect; joining and dead silos never vote.
        var forgiven = Row(2, votes: new SuspicionVote(Silo(1), Now - Options.DeathVoteExpiration));
        Assert.Equal(2, SuspicionVoting.VotesNeeded(Table(Row(1), forgiven, Row(3), Row(5, SiloStatus.Joining), Row(6, SiloStatus.Dead)), Silo(3), Silo(1), Now, Options));
        // More configured votes are needed when enough voters exist.
        var three = new ClusterMembershipOptions { NumVotesForDeathDeclaration = 3 };
        Assert.Equal(3, SuspicionVoting.VotesNeeded(Table([.. Enumerable.Range(1, 5).Select(n => Row(n))]), Silo(5), Silo(1), Now, three));
    }

    [Fact]
    public void A_silo_holds_one_vote_per_suspect_and_expired_votes_are_dropped()
    {
        var entry = Row(9, votes: [new SuspicionVote(Silo(1), Now.AddSeconds(-5)), new SuspicionVote(Silo(2), Now.AddSeconds(-60))]);

        var voted = SuspicionVoting.WithVote(entry, Silo(1), Now, Options.DeathVoteExpiration);

        Assert.Equal([new SuspicionVote(Silo(1), Now)], voted.Suspicions);
        Assert.Equal([Silo(1)], SuspicionVoting.FreshVoters(voted, Now, Options.DeathVoteExpiration));
        var withSecond = SuspicionVoting.WithVote(voted, Silo(3), Now.AddSeconds(1), Options.DeathVoteExpiration);
        Assert.Equal([Silo(1), Silo(3)], SuspicionVoting.FreshVoters(withSecond, Now.AddSeconds(1), Options.DeathVoteExpiration));
        Assert.Empty(SuspicionVoting.FreshVoters(withSecond, Now.AddMinutes(1), Options.DeathVoteExpiration));
    }
}
