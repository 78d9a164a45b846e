using System.Collections.Concurrent;
using Granary.Catalog;
using Granary.Membership;
using Granary.Runtime;
using Granary.SystemTargets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Granary.GrainDirectory;

/// <summary>
/// The distributed grain directory: each grain id is owned by one silo on the consistent ring of active
/// silos. When the ring changes, owners hand entries off to the new owners and every silo re-registers its
/// own activations whose owner changed, which also rebuilds what a crashed silo held.
/// </summary>
internal sealed partial class DistributedGrainDirectory : IDisposable
{
    public static readonly GrainType TargetType = new("sys.directory");
    private readonly ConcurrentDictionary<GrainId, GrainAddress> _cache = new();
    private readonly ILocalSiloDetails _localSilo;
    private readonly IClusterMembershipView _membership;
    private readonly DirectoryPartition _partition;
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;
    private ConsistentRing _ring;

    public DistributedGrainDirectory(ILocalSiloDetails localSilo, IClusterMembershipView membership, DirectoryPartition partition, IServiceProvider services, ILogger<DistributedGrainDirectory> logger)
    {
        _localSilo = localSilo;
        _membership = membership;
        _partition = partition;
        _services = services;
        _logger = logger;
        // Start from the current view: changes published before this directory existed raise no event for it.
        _ring = new ConsistentRing(membership.Current.ActiveSilos);
        membership.Changed += OnMembershipChanged;
    }

    public int LocalEntryCount => _partition.Count;

    private IGrainFactory Grains => _services.GetRequiredService<IGrainFactory>();

    /// <summary>Registers an activation; returns the winner, which is another activation when one already exists.</summary>
    public async Task<GrainAddress> RegisterAsync(GrainAddress address)
    {
        for (var attempt = 0; ; attempt++)
        {
            var owner = Owner(address.GrainId);
            try
            {
                var winner = owner == _localSilo.SiloAddress ? await _partition.Register(address) : await Remote(owner).Register(address);
                _cache[address.GrainId] = winner;
                return winner;
            }
            catch (SiloUnavailableException) when (attempt < 3 && Owner(address.GrainId) != owner)
            {
                // The owner died and the ring moved on: ask the new owner.
            }
        }
    }

    public async Task<GrainAddress?> LookupAsync(GrainId grainId)
    {
        if (_cache.TryGetValue(grainId, out var cached)) return cached;
        var owner = Owner(grainId);
        var found = owner == _localSilo.SiloAddress
            ? await _partition.Lookup(grainId.Type.Value, grainId.Key)
            : await Remote(owner).Lookup(grainId.Type.Value, grainId.Key);
        // An entry of a dead silo is as good as none: the caller places the grain anew.
        if (found is null || _membership.Current.GetStatus(found.SiloAddress) == SiloStatus.Dead) return null;
        _cache[grainId] = found;
        return found;
    }

    public bool TryGetCached(GrainId grainId, out GrainAddress address) => _cache.TryGetValue(grainId, out address!);

    public void Invalidate(GrainId grainId) => _cache.TryRemove(grainId, out _);

    public async Task UnregisterAsync(GrainAddress address)
    {
        _cache.TryRemove(new KeyValuePair<GrainId, GrainAddress>(address.GrainId, address));
        var owner = Owner(address.GrainId);
        try
        {
            if (owner == _localSilo.SiloAddress) await _partition.Unregister(address);
            else await Remote(owner).Unregister(address);
        }
        catch (Exception exception) when (exception is SiloUnavailableException or TimeoutException)
        {
            // The owner is gone; its successor never learns this entry, which is what we want.
        }
    }

    public SiloAddress Owner(GrainId grainId) => _ring.Owner(grainId) ?? _localSilo.SiloAddress;

    public void Dispose() => _membership.Changed -= OnMembershipChanged;

    private IRemoteGrainDirectory Remote(SiloAddress silo) => Grains.GetGrain<IRemoteGrainDirectory>(SystemTargetRegistry.Address(TargetType, silo));

    private void OnMembershipChanged(ClusterMembershipSnapshot snapshot)
    {
        var previous = _ring;
        var next = new ConsistentRing(snapshot.ActiveSilos);
        if (next.Silos.SequenceEqual(previous.Silos)) return;
        _ring = next;
        foreach (var (grainId, address) in _cache)
        {
            if (snapshot.GetStatus(address.SiloAddress) == SiloStatus.Dead) _cache.TryRemove(grainId, out _);
        }

        var handOff = _partition.Prune(id => Owner(id) == _localSilo.SiloAddress);
        _ = Task.Run(() => RebalanceEntriesAsync(previous, handOff));
    }

    private async Task RebalanceEntriesAsync(ConsistentRing previous, List<GrainAddress> handOff)
    {
        foreach (var address in handOff) await TryRegisterAsync(address);
        var catalog = _services.GetRequiredService<GrainCatalog>();
        foreach (var activation in catalog.Activations)
        {
            if (activation.GrainClass.IsStatelessWorker || activation.State != ActivationState.Valid) continue;
            if (previous.Owner(activation.GrainId) == Owner(activation.GrainId) && !previous.IsEmpty) continue;
            var mine = GrainAddress.Of(activation.GrainId, _localSilo.SiloAddress, activation.ActivationId);
            var winner = await TryRegisterAsync(mine);
            if (winner is not null && winner != mine)
            {
                LogDuplicate(activation.GrainId, winner.Silo);
                activation.Deactivate(new DeactivationReason(DeactivationReasonCode.RuntimeRequested, $"Another activation is registered on {winner.Silo}."));
            }
        }
    }

    private async Task<GrainAddress?> TryRegisterAsync(GrainAddress address)
    {
        try
        {
            return await RegisterAsync(address);
        }
        catch (Exception exception) when (exception is SiloUnavailableException or TimeoutException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 6000, Level = LogLevel.Warning, Message = "Duplicate activation of {Grain} found after a membership change; keeping the one on {Winner}")]
    private partial void LogDuplicate(GrainId grain, string winner);
}
