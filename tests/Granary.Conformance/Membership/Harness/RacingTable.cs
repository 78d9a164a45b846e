using Granary.Membership;
using Granary.Runtime;

namespace Granary.Conformance.Membership;

/// <summary>
/// A table decorator that lets another writer win the race once: just before the next conditional write, it
/// inserts a row of its own, so the write presents a table version that is no longer current and is refused.
/// </summary>
internal sealed class RacingTable(IMembershipTable inner) : IMembershipTable
{
    private int _racesLeft;

    public int RacesLost { get; private set; }

    public void RaceOnce() => Interlocked.Exchange(ref _racesLeft, 1);

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken) => inner.ReadAllAsync(cancellationToken);

    public async Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion version, CancellationToken cancellationToken)
    {
        await RaceAsync(cancellationToken);
        return Lost(await inner.InsertRowAsync(entry, version, cancellationToken));
    }

    public async Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion version, CancellationToken cancellationToken)
    {
        await RaceAsync(cancellationToken);
        return Lost(await inner.UpdateRowAsync(entry, etag, version, cancellationToken));
    }

    public Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken) => inner.UpdateIAmAliveAsync(entry, cancellationToken);

    public Task CleanupDefunctSiloEntriesAsync(DateTimeOffset before, CancellationToken cancellationToken) => inner.CleanupDefunctSiloEntriesAsync(before, cancellationToken);

    public Task DeleteMembershipTableEntriesAsync(CancellationToken cancellationToken) => inner.DeleteMembershipTableEntriesAsync(cancellationToken);

    private bool Lost(bool written)
    {
        if (!written) RacesLost++;
        return written;
    }

    private async Task RaceAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _racesLeft, 0) == 0) return;
        var read = await inner.ReadAllAsync(cancellationToken);
        var rival = new SiloAddress("10.9.9.9", 9999, Random.Shared.NextInt64(1, long.MaxValue));
        var now = DateTimeOffset.UtcNow;
        Assert.True(await inner.InsertRowAsync(
            new MembershipEntry { Silo = rival, Status = SiloStatus.Dead, StartTime = now, IAmAliveTime = now }, read.Version.Next(), cancellationToken));
    }
}
