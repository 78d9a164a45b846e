using Granary.Catalog;
using Granary.Membership;
using Granary.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.GrainDirectory;

/// <summary>
/// The directory entries this silo owns. Registration is first-writer-wins under a lock, which is what
/// makes "one activation per grain" hold across silos: a second silo trying to register learns the winner.
/// </summary>
/// <remarks>
/// After the ring changes, this partition may own ids whose entries it does not have yet: their previous owner
/// died with them, or is still handing them over, and the silos holding those activations re-register only once
/// they see the change themselves. Until then a miss does not prove that no activation exists, so during the
/// recovery window (<see cref="RecoveryWindow"/> after each ring change, and after start), or when the claimant's
/// ring and this silo's disagree on the owner, a registration that misses first asks every active silo whether it
/// holds a registered activation of the grain, and adopts it.
/// </remarks>
internal sealed class DirectoryPartition(IClusterMembershipView membership, IServiceProvider services, TimeProvider time) : IRemoteGrainDirectory
{
    /// <summary>Longer than any silo takes to see a membership change (table refresh) and re-register its activations.</summary>
    public static readonly TimeSpan RecoveryWindow = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly Dictionary<GrainId, GrainAddress> _entries = [];
    private DepartedSilos? _departed;

    // Dead silos and silos that said goodbye on the wire both hold nothing: their entries are stale.
    private DepartedSilos Departed => _departed ??= services.GetRequiredService<DepartedSilos>();
    private long _recoveringUntil = time.GetTimestamp() + (long)(RecoveryWindow.TotalSeconds * time.TimestampFrequency);

    public int Count
    {
        get
        {
            lock (_lock) return _entries.Count;
        }
    }

    private bool Recovering => time.GetTimestamp() < Volatile.Read(ref _recoveringUntil);

    /// <summary>Called when the ring changed: entries of the ids this silo gained may still be on their way.</summary>
    public void BeginRecovery() =>
        Volatile.Write(ref _recoveringUntil, time.GetTimestamp() + (long)(RecoveryWindow.TotalSeconds * time.TimestampFrequency));

    public async Task<GrainAddress> Register(GrainAddress address)
    {
        var directory = services.GetRequiredService<DistributedGrainDirectory>();
        // A claimant that thinks this silo owns an id this silo's own ring gives to another: one of the two views
        // is behind a membership change, so the entry may be with a dead owner or on its way here.
        if (!Recovering && directory.IsOwnedHere(address.GrainId)) return await Reregister(address);
        lock (_lock)
        {
            if (Decided(address) is { } decided) return decided;
        }

        var found = await directory.FindRegisteredActivationAsync(address.GrainId);
        lock (_lock)
        {
            if (Decided(address) is { } decided) return decided;
            var winner = found is not null && found != address && IsStillValid(found, address) ? found : address;
            return _entries[address.GrainId] = winner;
        }
    }

    public Task<GrainAddress> Reregister(GrainAddress address)
    {
        lock (_lock) return Task.FromResult(Decided(address) ?? (_entries[address.GrainId] = address));
    }

    /// <summary>The registered entry when it stands against <paramref name="claimant"/>; null when the claimant may take the slot.</summary>
    private GrainAddress? Decided(GrainAddress claimant)
    {
        if (!_entries.TryGetValue(claimant.GrainId, out var existing)) return null;
        return existing == claimant || IsStillValid(existing, claimant) ? existing : null;
    }

    // A silo creates an activation only when it has none for the grain, so an older entry of the same silo is stale.
    private bool IsStillValid(GrainAddress existing, GrainAddress claimant) =>
        existing.Silo != claimant.Silo && !Departed.IsGone(existing.SiloAddress, membership.Current);

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
            return Task.FromResult(found is not null && Departed.IsGone(found.SiloAddress, membership.Current) ? null : found);
        }
    }

    /// <summary>This silo's registered activation of the grain, from its catalog (not from the directory).</summary>
    public Task<GrainAddress?> FindActivation(string grainType, string grainKey) =>
        Task.FromResult(services.GetRequiredService<GrainCatalog>().RegisteredAddressOf(GrainId.Create(grainType, grainKey)));

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
