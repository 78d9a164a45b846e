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
/// own activations whose owner changed, which also rebuilds what a crashed silo held; until that is done, a new
/// owner asks the silos before it lets a registration through (<see cref="DirectoryPartition"/>). An activation
/// whose re-registration cannot be confirmed is deactivated: a grain may be briefly absent, never doubled.
/// </summary>
internal sealed partial class DistributedGrainDirectory : IDisposable
{
    public static readonly GrainType TargetType = new("sys.directory");
    private const int ReRegistrationAttempts = 3;
    private static readonly TimeSpan FindTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(200);
    // Together about as long as a leaving silo drains its connections.
    private const int LeavingWinnerPauses = 60;
    private static readonly TimeSpan LeavingWinnerPause = TimeSpan.FromMilliseconds(50);
    private readonly ConcurrentDictionary<GrainId, GrainAddress> _cache = new();
    private readonly ILocalSiloDetails _localSilo;
    private readonly IClusterMembershipView _membership;
    private readonly DirectoryPartition _partition;
    private readonly DepartedSilos _departed;
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private ConsistentRing _ring;

    public DistributedGrainDirectory(ILocalSiloDetails localSilo, IClusterMembershipView membership, DirectoryPartition partition, DepartedSilos departed, IServiceProvider services, TimeProvider time, ILogger<DistributedGrainDirectory> logger)
    {
        _time = time;
        _localSilo = localSilo;
        _membership = membership;
        _partition = partition;
        _departed = departed;
        _services = services;
        _logger = logger;
        // Start from the current view: changes published before this directory existed raise no event for it.
        _ring = new ConsistentRing(membership.Current.ActiveSilos);
        membership.Changed += OnMembershipChanged;
    }

    public int LocalEntryCount => _partition.Count;

    private IGrainFactory Grains => _services.GetRequiredService<IGrainFactory>();

    /// <summary>Registers an activation; returns the winner, which is another activation when one already exists.</summary>
    /// <remarks>
    /// <paramref name="existing"/> marks an activation that already holds its grain (a re-registration or a hand-off):
    /// it is proof of itself, so the owner need not look for another holder during its recovery window.
    /// </remarks>
    public async Task<GrainAddress> RegisterAsync(GrainAddress address, bool existing = false)
    {
        for (var pause = 0; ; pause++)
        {
            var winner = await RegisterOnceAsync(address, existing);
            // A winner on a leaving silo is an activation finishing its last turn, or an entry whose unregistration
            // has not landed: wait for it to go rather than send calls to a silo that hands them straight back.
            if (winner == address || pause >= LeavingWinnerPauses || _membership.Current.GetStatus(winner.SiloAddress) != SiloStatus.ShuttingDown)
                return winner;
            await Task.Delay(LeavingWinnerPause);
        }
    }

    private async Task<GrainAddress> RegisterOnceAsync(GrainAddress address, bool existing)
    {
        for (var attempt = 0; ; attempt++)
        {
            var owner = Owner(address.GrainId);
            try
            {
                var winner = owner == _localSilo.SiloAddress
                    ? await (existing ? _partition.Reregister(address) : _partition.Register(address))
                    : await (existing ? Remote(owner).Reregister(address) : Remote(owner).Register(address));
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
        if (TryGetCached(grainId, out var cached)) return cached;
        var owner = Owner(grainId);
        var found = owner == _localSilo.SiloAddress
            ? await _partition.Lookup(grainId.Type.Value, grainId.Key)
            : await Remote(owner).Lookup(grainId.Type.Value, grainId.Key);
        // An entry of a dead silo is as good as none: the caller places the grain anew.
        if (found is null || _departed.IsGone(found.SiloAddress, _membership.Current)) return null;
        _cache[grainId] = found;
        return found;
    }

    public bool TryGetCached(GrainId grainId, out GrainAddress address)
    {
        if (!_cache.TryGetValue(grainId, out address!)) return false;
        if (!_departed.IsGone(address.SiloAddress, _membership.Current)) return true;
        _cache.TryRemove(new KeyValuePair<GrainId, GrainAddress>(grainId, address));
        return false;
    }

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

    public bool IsOwnedHere(GrainId grainId) => Owner(grainId) == _localSilo.SiloAddress;

    /// <summary>
    /// Asks every active silo (this one included) whether it holds a registered activation of the grain; a silo
    /// that does not answer in time is skipped (if it is alive, its re-registration resolves any conflict later).
    /// </summary>
    public async Task<GrainAddress?> FindRegisteredActivationAsync(GrainId grainId)
    {
        var answers = await Task.WhenAll(_membership.Current.ActiveSilos.Select(async silo =>
        {
            if (silo == _localSilo.SiloAddress) return await _partition.FindActivation(grainId.Type.Value, grainId.Key);
            try
            {
                return await Remote(silo).FindActivation(grainId.Type.Value, grainId.Key).WaitAsync(FindTimeout);
            }
            catch (SiloUnavailableException)
            {
                // Unreachable or refused: a silo that cannot be reached serves no calls, so it holds no live activation.
                return null;
            }
            catch (TimeoutException exception)
            {
                // A slow silo may hold the grain: creating another now could make two. Fail this activation; the
                // caller's retry searches again (the chaos test saw 40 ms duplicates from silos that answered late).
                throw new SiloUnavailableException($"Silo {silo} did not say in time whether it holds {grainId}; not activating it elsewhere yet.", exception);
            }
        }));
        return answers.FirstOrDefault(found => found is not null);
    }

    public void Dispose() => _membership.Changed -= OnMembershipChanged;

    private IRemoteGrainDirectory Remote(SiloAddress silo) => Grains.GetGrain<IRemoteGrainDirectory>(SystemTargetRegistry.Address(TargetType, silo));

    private void OnMembershipChanged(ClusterMembershipSnapshot snapshot)
    {
        var previous = _ring;
        var next = new ConsistentRing(snapshot.ActiveSilos);
        if (next.Silos.SequenceEqual(previous.Silos)) return;
        // Recovery first: a registration retried because the old owner just died reaches the new ring at once, and
        // must find this partition searching, not trusting entries it has not received yet.
        _partition.BeginRecovery();
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
            if (winner == mine) continue;
            // Unconfirmed is treated like lost: the new owner may let another silo activate the grain meanwhile.
            if (winner is null) LogReRegistrationFailed(activation.GrainId);
            else LogDuplicate(activation.GrainId, winner.Silo);
            activation.Deactivate(new DeactivationReason(DeactivationReasonCode.RuntimeRequested,
                winner is null ? "Its directory entry could not be re-registered after a membership change." : $"Another activation is registered on {winner.Silo}."));
        }
    }

    private async Task<GrainAddress?> TryRegisterAsync(GrainAddress address)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RegisterAsync(address, existing: true);
            }
            catch (Exception exception) when (exception is SiloUnavailableException or TimeoutException && attempt < ReRegistrationAttempts)
            {
                // The new owner may be a silo that is still connecting; the next attempt also follows a newer ring.
                await Task.Delay(RetryPause * attempt, _time);
            }
            catch (Exception exception) when (exception is SiloUnavailableException or TimeoutException)
            {
                return null;
            }
        }
    }

    [LoggerMessage(EventId = 6000, Level = LogLevel.Warning, Message = "Duplicate activation of {Grain} found after a membership change; keeping the one on {Winner}")]
    private partial void LogDuplicate(GrainId grain, string winner);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Could not re-register the activation of {Grain} after a membership change; deactivating it")]
    private partial void LogReRegistrationFailed(GrainId grain);
}
