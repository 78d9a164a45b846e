using Granary.Runtime;

namespace Granary.Membership;

/// <summary>
/// Which silos a silo probes: its successors on a ring of the monitored silos sorted by address. Every silo
/// picks its own successors, so each is watched by up to <c>count</c> predecessors, and the load stays even.
/// </summary>
internal static class ProbeRing
{
    /// <summary>Silos whose failure the protocol detects: those serving or handing off.</summary>
    public static bool IsMonitored(SiloStatus status) => status is SiloStatus.Active or SiloStatus.ShuttingDown;

    /// <summary>The first <paramref name="count"/> monitored silos after <paramref name="self"/> on the ring.</summary>
    public static IReadOnlyList<SiloAddress> Successors(MembershipTableData table, SiloAddress self, int count)
    {
        var ring = table.Rows
            .Where(r => IsMonitored(r.Entry.Status) && r.Entry.Silo != self)
            .Select(r => r.Entry.Silo)
            .Append(self)
            .Order()
            .ToList();
        var at = ring.IndexOf(self);
        return [.. Enumerable.Range(1, Math.Min(count, ring.Count - 1)).Select(i => ring[(at + i) % ring.Count])];
    }
}
