namespace Granary.Membership;

internal sealed partial class MembershipService
{
    /// <summary>
    /// Declares dead, alone, the rows not yet Dead whose I-am-alive time is older than IAmAliveStaleAfter and
    /// whose silo does not answer a probe. After a whole-cluster restart the previous run's rows are still
    /// Active, and no quorum of their silos exists to vote them out; a silo that crashed while joining is never
    /// probed. Both conditions are needed: a silo that merely cannot reach the table still answers.
    /// </summary>
    private async Task DeclareStaleSilosDeadAsync(CancellationToken cancellationToken)
    {
        if (Latest is not { } data) return;
        var now = _time.GetUtcNow();
        var stale = data.Rows
            .Where(r => r.Entry.Status != SiloStatus.Dead && r.Entry.Silo != Silo && IsStale(r.Entry, now))
            .Select(r => r.Entry)
            .ToList();
        if (stale.Count == 0) return;
        var answers = await Task.WhenAll(stale.Select(entry => ProbeJudgedAsync(entry.Silo, cancellationToken)));
        for (var i = 0; i < stale.Count; i++)
        {
            if (answers[i] == ProbeOutcome.Missed) await DeclareStaleSiloDeadAsync(stale[i], cancellationToken);
        }
    }

    private async Task DeclareStaleSiloDeadAsync(MembershipEntry seen, CancellationToken cancellationToken)
    {
        var outcome = await WriteAsync($"declare stale {seen.Silo} dead", data =>
        {
            // Decided on a fresh read: an I-am-alive written since the probe means the silo lives after all.
            var row = Find(data, seen.Silo);
            return row is null || row.Entry.Status == SiloStatus.Dead || !IsStale(row.Entry, _time.GetUtcNow())
                ? null
                : new TableWrite(row.Entry with { Status = SiloStatus.Dead }, row.ETag);
        }, readFirst: true, cancellationToken);
        if (outcome == WriteOutcome.Written)
            LogStaleSiloDeclaredDead(seen.Silo, seen.Status, (_time.GetUtcNow() - seen.IAmAliveTime).TotalSeconds);
    }

    private bool IsStale(MembershipEntry entry, DateTimeOffset now) => now - entry.IAmAliveTime > _options.IAmAliveStaleAfter;

    private async Task CleanupAsync(CancellationToken cancellationToken)
    {
        if (!IsMember) return;
        await _table.CleanupDefunctSiloEntriesAsync(_time.GetUtcNow() - _options.DefunctSiloExpiration, cancellationToken);
    }

    private async Task WriteIAmAliveAsync(CancellationToken cancellationToken)
    {
        if (!IsMember || Latest is not { } data || Find(data, Silo) is not { } own) return;
        await _table.UpdateIAmAliveAsync(own.Entry with { IAmAliveTime = _time.GetUtcNow() }, cancellationToken);
    }
}
