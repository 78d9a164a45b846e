using Granary.Configuration;
using Granary.Runtime;

namespace Granary.Membership;

/// <summary>
/// The rules of death votes. A vote is a suspicion entry in the suspect's row; each silo holds at most one
/// vote per suspect (re-voting refreshes its time), and votes older than the expiration no longer count.
/// </summary>
internal static class SuspicionVoting
{
    /// <summary>The distinct silos with an unexpired vote against <paramref name="entry"/>.</summary>
    public static IReadOnlyList<SiloAddress> FreshVoters(MembershipEntry entry, DateTimeOffset now, TimeSpan expiration) =>
        [.. entry.Suspicions.Where(v => now - v.Time < expiration).Select(v => v.Suspecter).Distinct()];

    /// <summary><paramref name="entry"/> with <paramref name="voter"/>'s vote at <paramref name="now"/> and without expired votes.</summary>
    public static MembershipEntry WithVote(MembershipEntry entry, SiloAddress voter, DateTimeOffset now, TimeSpan expiration) =>
        entry with
        {
            Suspicions = [.. entry.Suspicions.Where(v => v.Suspecter != voter && now - v.Time < expiration), new SuspicionVote(voter, now)],
        };

    /// <summary>
    /// Votes that declare <paramref name="suspect"/> dead: the configured count, but never more than the live,
    /// unsuspected active silos other than the suspect (the voter counts as one), so that a two-silo cluster,
    /// or the last survivor of several failures, can still declare.
    /// </summary>
    public static int VotesNeeded(MembershipTableData table, SiloAddress suspect, SiloAddress voter, DateTimeOffset now, ClusterMembershipOptions options)
    {
        var voters = table.Rows.Count(r =>
            r.Entry.Status == SiloStatus.Active
            && r.Entry.Silo != suspect
            && (r.Entry.Silo == voter
                || (now - r.Entry.IAmAliveTime <= options.IAmAliveStaleAfter && FreshVoters(r.Entry, now, options.DeathVoteExpiration).Count == 0)));
        return Math.Clamp(voters, 1, options.NumVotesForDeathDeclaration);
    }
}
