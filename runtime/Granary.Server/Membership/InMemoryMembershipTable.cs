using System.Globalization;
using Granary.Runtime;

namespace Granary.Membership;

/// <summary>
/// A membership table in this process, for single-process clusters and tests (several in-process silos share
/// one instance). It keeps the conditional-write contract of the PostgreSQL table: a row write succeeds only
/// with the row's current ETag and the table version that follows the stored one. Every call completes
/// synchronously, which keeps tests on a manual clock deterministic.
/// </summary>
internal sealed class InMemoryMembershipTable : IMembershipTable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<SiloAddress, MembershipRow> _rows = [];
    private TableVersion _version;
    private long _lastETag;

    public InMemoryMembershipTable() => _version = new TableVersion(0, NewETag());

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(new MembershipTableData([.. _rows.Values], _version));
    }

    public Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion version, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_rows.ContainsKey(entry.Silo) || !Follows(version)) return Task.FromResult(false);
            Write(entry, version);
            return Task.FromResult(true);
        }
    }

    public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion version, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_rows.TryGetValue(entry.Silo, out var row) || row.ETag != etag || !Follows(version)) return Task.FromResult(false);
            Write(entry, version);
            return Task.FromResult(true);
        }
    }

    public Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken)
    {
        // Not a membership change: the ETag and the table version stay, so it never conflicts with a vote. The time
        // never moves back, so a delayed write cannot make a live silo look stale.
        lock (_lock)
        {
            if (_rows.TryGetValue(entry.Silo, out var row) && entry.IAmAliveTime > row.Entry.IAmAliveTime)
                _rows[entry.Silo] = row with { Entry = row.Entry with { IAmAliveTime = entry.IAmAliveTime } };
        }

        return Task.CompletedTask;
    }

    public Task CleanupDefunctSiloEntriesAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var (silo, row) in _rows.ToArray())
            {
                if (row.Entry.Status == SiloStatus.Dead && row.Entry.IAmAliveTime < before) _rows.Remove(silo);
            }
        }

        return Task.CompletedTask;
    }

    public Task DeleteMembershipTableEntriesAsync(CancellationToken cancellationToken)
    {
        // The version row stays: a writer holding a version read before the delete must still be refused.
        lock (_lock) _rows.Clear();
        return Task.CompletedTask;
    }

    private bool Follows(TableVersion version) => _version.Next() == version;

    private void Write(MembershipEntry entry, TableVersion version)
    {
        // A caller's mutable list must not change the stored row behind the table's back.
        _rows[entry.Silo] = new MembershipRow(entry with { Suspicions = [.. entry.Suspicions] }, NewETag());
        _version = new TableVersion(version.Version, NewETag());
    }

    private string NewETag() => (++_lastETag).ToString(CultureInfo.InvariantCulture);
}
