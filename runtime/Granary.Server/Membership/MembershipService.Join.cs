namespace Granary.Membership;

internal sealed partial class MembershipService
{
    /// <summary>
    /// Joins: marks this endpoint's older generations Dead (a restarted silo supersedes its old incarnation),
    /// declares dead the stale rows of a previous run that do not answer, and inserts this silo as Joining.
    /// It becomes Active later, at stage BecomeActive (<see cref="SiloActivation"/>).
    /// </summary>
    public async Task OnStartAsync(CancellationToken cancellationToken)
    {
        _self = _localSilo.SiloAddress;
        await _table.InitializeAsync(cancellationToken);
        await ReadAsync(cancellationToken);
        await SupersedeOlderGenerationsAsync(cancellationToken);
        await DeclareStaleSilosDeadAsync(cancellationToken);
        await InsertSelfAsync(cancellationToken);
        _iAmAlive.Start(_options.IAmAlivePeriod, _options.IAmAlivePeriod);
        _refresh.Start(_options.TableRefreshPeriod, _options.TableRefreshPeriod);
        _cleanup.Start(TimeSpan.Zero, _options.DefunctSiloCleanupPeriod);
    }

    private async Task SupersedeOlderGenerationsAsync(CancellationToken cancellationToken)
    {
        // One row per write; the loop ends because each pass leaves one row fewer to supersede.
        while (true)
        {
            Runtime.SiloAddress? superseded = null;
            var outcome = await WriteAsync("supersede an older generation of this silo", data =>
            {
                var old = data.Rows.FirstOrDefault(r =>
                    r.Entry.Silo.IsSameEndpoint(Silo) && r.Entry.Silo.Generation < Silo.Generation && r.Entry.Status != SiloStatus.Dead);
                superseded = old?.Entry.Silo;
                return old is null ? null : new TableWrite(old.Entry with { Status = SiloStatus.Dead }, old.ETag);
            }, readFirst: false, cancellationToken);
            if (outcome == WriteOutcome.NothingToDo) return;
            if (outcome == WriteOutcome.GaveUp) throw new InvalidOperationException($"{Silo} could not mark its older generation {superseded} Dead: every write lost a race.");
            LogSuperseded(superseded!, Silo);
        }
    }

    private async Task InsertSelfAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var entry = new MembershipEntry
        {
            Silo = Silo,
            Status = SiloStatus.Joining,
            StartTime = now,
            IAmAliveTime = now,
            SiloName = _localSilo.SiloName,
            HostName = Environment.MachineName,
        };
        var outcome = await WriteAsync("insert this silo as Joining", data =>
        {
            var clash = data.Rows.FirstOrDefault(r => r.Entry.Silo == Silo
                || (r.Entry.Silo.IsSameEndpoint(Silo) && r.Entry.Silo.Generation > Silo.Generation && r.Entry.Status != SiloStatus.Dead));
            if (clash is not null)
            {
                throw new InvalidOperationException(
                    $"{Silo} cannot join: the membership table already holds {clash.Entry.Silo} ({clash.Entry.Status}) on the same endpoint. "
                    + "Each start of a silo needs a new, higher generation.");
            }

            return new TableWrite(entry, ETag: null);
        }, readFirst: false, cancellationToken);
        if (outcome != WriteOutcome.Written) throw new InvalidOperationException($"{Silo} could not insert its membership row: every write lost a race.");
        _status = SiloStatus.Joining;
        LogJoining(Silo);
    }
}
