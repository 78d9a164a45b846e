using Granary.Runtime;

namespace Granary.Membership;

internal sealed partial class MembershipService
{
    /// <summary>
    /// <paramref name="target"/> missed too many probes. Before voting, ask a few other silos to probe it: if
    /// any reaches it, the trouble lies between it and this silo (or in this silo's own network), not in it.
    /// </summary>
    private async Task SuspectAsync(SiloAddress target, int missed, CancellationToken cancellationToken)
    {
        var intermediaries = PickIntermediaries(target);
        if (intermediaries.Length > 0)
        {
            var answers = await Task.WhenAll(intermediaries.Select(i => ProbeIndirectlyAsync(i, target, cancellationToken)));
            if (answers.Any(answered => answered))
            {
                _missed.TryRemove(target, out _);
                LogReachedIndirectly(target, missed);
                return;
            }
        }

        await VoteAsync(target, cancellationToken);
    }

    /// <summary>Up to IndirectProbeCount other active silos, at random, that neither this silo nor any vote suspects.</summary>
    private SiloAddress[] PickIntermediaries(SiloAddress target)
    {
        if (_options.IndirectProbeCount == 0 || Latest is not { } data) return [];
        var now = _time.GetUtcNow();
        var candidates = data.Rows
            .Where(r => r.Entry.Status == SiloStatus.Active && r.Entry.Silo != Silo && r.Entry.Silo != target
                && !_missed.ContainsKey(r.Entry.Silo)
                && SuspicionVoting.FreshVoters(r.Entry, now, _options.DeathVoteExpiration).Count == 0)
            .Select(r => r.Entry.Silo)
            .ToArray();
        Random.Shared.Shuffle(candidates);
        return candidates[..Math.Min(_options.IndirectProbeCount, candidates.Length)];
    }

    /// <summary>Adds this silo's vote to the suspect's row; the vote that reaches the needed count writes it Dead.</summary>
    private async Task VoteAsync(SiloAddress target, CancellationToken cancellationToken)
    {
        IReadOnlyList<SiloAddress> voters = [];
        var needed = 0;
        var declare = false;
        var outcome = await WriteAsync($"vote against {target}", data =>
        {
            // The read may have shown that this silo itself was declared dead: a dead silo does not vote.
            if (!IsMember || Find(data, Silo) is not { Entry.Status: not SiloStatus.Dead }) return null;
            if (Find(data, target) is not { } row || row.Entry.Status == SiloStatus.Dead) return null;
            var now = _time.GetUtcNow();
            var entry = SuspicionVoting.WithVote(row.Entry, Silo, now, _options.DeathVoteExpiration);
            voters = SuspicionVoting.FreshVoters(entry, now, _options.DeathVoteExpiration);
            needed = SuspicionVoting.VotesNeeded(data, target, Silo, now, _options);
            declare = voters.Count >= needed;
            return new TableWrite(declare ? entry with { Status = SiloStatus.Dead } : entry, row.ETag);
        }, readFirst: false, cancellationToken);
        if (outcome != WriteOutcome.Written) return;
        if (!declare)
        {
            LogVoted(target, voters.Count, needed);
            return;
        }

        _missed.TryRemove(target, out _);
        _watched.TryRemove(target, out _);
        LogDeclaredDead(target, voters.Count, string.Join(", ", voters));
    }
}
