using Granary.GrainDirectory;
using Granary.Membership;
using Granary.Runtime;

namespace Granary.Reminders;

/// <summary>
/// Reminder ownership from the active silos: each silo takes the hash ranges ending at its points on a ring
/// of uniform grain hashes, so every reminder has exactly one owner among the live silos, and when a silo
/// dies or joins only the ranges next to its points move.
/// </summary>
internal sealed class RingReminderOwnership : IReminderOwnership, IDisposable
{
    private const int PointsPerSilo = 16;
    private readonly ILocalSiloDetails _localSilo;
    private readonly IClusterMembershipView _membership;
    private IReadOnlyList<ReminderHashRange> _owned = [];
    private IReadOnlyList<SiloAddress> _silos = [];

    public RingReminderOwnership(ILocalSiloDetails localSilo, IClusterMembershipView membership)
    {
        _localSilo = localSilo;
        _membership = membership;
        membership.Changed += OnMembershipChanged;
    }

    public IReadOnlyList<ReminderHashRange> OwnedRanges
    {
        get
        {
            if (_silos.Count == 0) Recompute(_membership.Current);
            return _owned;
        }
    }

    public event Action? Changed;

    public SiloAddress? RemoteOwnerOf(GrainId grainId)
    {
        IReadOnlyList<SiloAddress> silos = _silos.Count == 0 ? _membership.Current.ActiveSilos : _silos;
        if (silos.Count == 0) return null;
        var owner = OwnerOf(grainId.GetUniformHashCode(), silos);
        return owner == _localSilo.SiloAddress ? null : owner;
    }

    public void Dispose() => _membership.Changed -= OnMembershipChanged;

    /// <summary>The ranges <paramref name="silo"/> owns among <paramref name="silos"/>.</summary>
    public static List<ReminderHashRange> RangesOf(SiloAddress silo, IReadOnlyCollection<SiloAddress> silos)
    {
        var points = silos.SelectMany(s => Enumerable.Range(0, PointsPerSilo).Select(i => (Point: ConsistentRing.Hash($"reminders:{s}#{i}"), Silo: s)))
            .OrderBy(p => p.Point).ThenBy(p => p.Silo).ToArray();
        var ranges = new List<ReminderHashRange>();
        for (var i = 0; i < points.Length; i++)
        {
            if (points[i].Silo != silo) continue;
            var end = points[i].Point;
            if (i > 0)
            {
                if (points[i - 1].Point < end) ranges.Add(new ReminderHashRange(points[i - 1].Point + 1, end));
                continue;
            }

            // The first point also owns the wrap-around: above the last point, and from zero up to itself.
            var last = points[^1].Point;
            if (last < uint.MaxValue) ranges.Add(new ReminderHashRange(last + 1, uint.MaxValue));
            ranges.Add(new ReminderHashRange(0, end));
        }

        return ranges;
    }

    /// <summary>The silo whose range holds <paramref name="hash"/>: the one with the first point at or after it.</summary>
    internal static SiloAddress OwnerOf(uint hash, IReadOnlyCollection<SiloAddress> silos) =>
        silos.First(s => RangesOf(s, silos).Any(r => r.Contains(hash)));

    private void OnMembershipChanged(ClusterMembershipSnapshot snapshot)
    {
        if (Recompute(snapshot)) Changed?.Invoke();
    }

    private bool Recompute(ClusterMembershipSnapshot snapshot)
    {
        SiloAddress me;
        try
        {
            me = _localSilo.SiloAddress;
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        var active = snapshot.ActiveSilos;
        if (active.SequenceEqual(_silos)) return false;
        _silos = active;
        _owned = active.Contains(me) ? RangesOf(me, active) : [];
        return true;
    }
}
