using Granary.Membership;
using Granary.Runtime;

namespace Granary.GrainDirectory;

/// <summary>
/// The directory entries this silo owns. Registration is first-writer-wins under a lock, which is what
/// makes "one activation per grain" hold across silos: a second silo trying to register learns the winner.
/// </summary>
internal sealed class DirectoryPartition(IClusterMembershipView membership) : IRemoteGrainDirectory
{
    private readonly Lock _lock = new();
    private readonly Dictionary<GrainId, GrainAddress> _entries = [];

    public int Count
    {
        get
        {
            lock (_lock) return _entries.Count;
        }
    }

    public Task<GrainAddress> Register(GrainAddress address)
    {
        lock (_lock)
        {
            var grainId = address.GrainId;
            if (_entries.TryGetValue(grainId, out var existing) && existing != address && IsStillValid(existing, address))
                return Task.FromResult(existing);
            _entries[grainId] = address;
            return Task.FromResult(address);
        }
    }

    // A silo creates an activation only when it has none for the grain, so an older entry of the same silo is stale.
    private bool IsStillValid(GrainAddress existing, GrainAddress claimant) =>
        existing.Silo != claimant.Silo && membership.Current.GetStatus(existing.SiloAddress) != SiloStatus.Dead;

    public Task Unregister(GrainAddress address)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(address.GrainId, out var existing) && existing == address) _entries.Remove(address.GrainId);
        }

        return Task.CompletedTask;
    }

    public Task<GrainAddress?> Lookup(string grainType, string grainKey)
    {
        lock (_lock)
        {
            var found = _entries.GetValueOrDefault(GrainId.Create(grainType, grainKey));
            return Task.FromResult(found is not null && membership.Current.GetStatus(found.SiloAddress) == SiloStatus.Dead ? null : found);
        }
    }

    /// <summary>Drops entries of dead silos; removes and returns entries another silo owns now, to hand them off.</summary>
    public List<GrainAddress> Prune(Func<GrainId, bool> ownedHere)
    {
        var handOff = new List<GrainAddress>();
        lock (_lock)
        {
            var snapshot = membership.Current;
            foreach (var (grainId, address) in _entries.ToArray())
            {
                if (snapshot.GetStatus(address.SiloAddress) == SiloStatus.Dead)
                {
                    _entries.Remove(grainId);
                }
                else if (!ownedHere(grainId))
                {
                    _entries.Remove(grainId);
                    handOff.Add(address);
                }
            }
        }

        return handOff;
    }
}
