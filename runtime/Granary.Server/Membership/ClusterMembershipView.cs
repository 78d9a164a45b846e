namespace Granary.Membership;

/// <summary>
/// Holds the latest membership snapshot. Snapshots older than the current one (a slow read finishing after a
/// newer one) are ignored, and <see cref="Changed"/> fires only when some silo's status changed.
/// </summary>
internal sealed class ClusterMembershipView : IClusterMembershipView
{
    private readonly Lock _lock = new();
    private volatile ClusterMembershipSnapshot _current = ClusterMembershipSnapshot.Empty;

    public ClusterMembershipSnapshot Current => _current;

    public event Action<ClusterMembershipSnapshot>? Changed;

    /// <summary>Publishes <paramref name="snapshot"/>; true when it changed the view.</summary>
    public bool Publish(ClusterMembershipSnapshot snapshot)
    {
        // Raised under the lock so that handlers see changes in table order; they must not block.
        lock (_lock)
        {
            var current = _current;
            if (snapshot.Version < current.Version || SameStatuses(current, snapshot)) return false;
            _current = snapshot;
            Changed?.Invoke(snapshot);
            return true;
        }
    }

    private static bool SameStatuses(ClusterMembershipSnapshot a, ClusterMembershipSnapshot b) =>
        a.Silos.Count == b.Silos.Count
        && a.Silos.All(silo => b.Silos.TryGetValue(silo.Key, out var status) && status == silo.Value);
}
