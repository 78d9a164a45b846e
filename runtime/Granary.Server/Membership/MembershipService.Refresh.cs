using System.Collections.Immutable;

namespace Granary.Membership;

internal sealed partial class MembershipService
{
    /// <summary>Reads the table; when it is the newest read so far, keeps it, publishes it and checks this silo's own row.</summary>
    private async Task<MembershipTableData> ReadAsync(CancellationToken cancellationToken)
    {
        var data = await _table.ReadAllAsync(cancellationToken);
        bool newest;
        lock (_lock)
        {
            // Two reads may finish out of order; the table version never goes back, so keep the later one.
            newest = _latest is null || data.Version.Version >= _latest.Version.Version;
            if (newest) _latest = data;
        }

        if (!newest) return data;
        var snapshot = new ClusterMembershipSnapshot(data.Version.Version, data.Rows.ToImmutableDictionary(r => r.Entry.Silo, r => r.Entry.Status));
        if (_view.Publish(snapshot) && _logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Information))
            LogViewChanged(data.Version.Version, string.Join(", ", snapshot.Silos.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}")));
        CheckOwnRow(data);
        return data;
    }

    private async Task RefreshWorkAsync(CancellationToken cancellationToken)
    {
        await ReadAsync(cancellationToken);
        if (_status == SiloStatus.Active && !IsDeclaredDead) await DeclareStaleSilosDeadAsync(cancellationToken);
    }

    private void CheckOwnRow(MembershipTableData data)
    {
        if (!IsMember || _leaving) return;
        var own = Find(data, Silo);
        if (own is not null && own.Entry.Status != SiloStatus.Dead) return;
        StopAsDeclaredDead(own?.Entry);
    }

    /// <summary>
    /// The cluster declared this silo dead (it was paused, partitioned or too slow): other silos have already
    /// taken over its grains, so serving anything more would make it a zombie. Stop all membership work and
    /// the process; a restart rejoins with a new generation.
    /// </summary>
    private void StopAsDeclaredDead(MembershipEntry? own)
    {
        if (Interlocked.Exchange(ref _declaredDead, 1) == 1) return;
        LogDeclaredDeadStopping(Silo, own is null ? "deleted" : own.Status.ToString(), own is null ? "none" : string.Join(", ", own.Suspicions.Select(v => v.Suspecter)));
        _probe.Dispose();
        _iAmAlive.Dispose();
        _cleanup.Dispose();
        _refresh.Dispose();
        _lifetime.StopApplication();
    }

    private static MembershipRow? Find(MembershipTableData data, Runtime.SiloAddress silo) => data.Rows.FirstOrDefault(r => r.Entry.Silo == silo);
}
