using System.Collections.Immutable;
using Granary.Runtime;

namespace Granary.Membership;

/// <summary>This silo's identity, known once its listener is bound.</summary>
internal interface ILocalSiloDetails
{
    /// <summary>The advertised endpoint and generation.</summary>
    SiloAddress SiloAddress { get; }

    /// <summary>A name for people.</summary>
    string SiloName { get; }
}

/// <summary>The cluster as this silo currently sees it: every known silo and its status.</summary>
internal sealed record ClusterMembershipSnapshot(long Version, ImmutableDictionary<SiloAddress, SiloStatus> Silos)
{
    public static readonly ClusterMembershipSnapshot Empty = new(0, ImmutableDictionary<SiloAddress, SiloStatus>.Empty);

    /// <summary>Active silos, in a stable order.</summary>
    public ImmutableArray<SiloAddress> ActiveSilos { get; } = [.. Silos.Where(s => s.Value == SiloStatus.Active).Select(s => s.Key).Order()];

    public SiloStatus GetStatus(SiloAddress silo) => Silos.GetValueOrDefault(silo, SiloStatus.None);

    /// <summary>True when the silo is known and not dead (a silo joining or shutting down still answers).</summary>
    public bool IsAlive(SiloAddress silo) => GetStatus(silo) is SiloStatus.Joining or SiloStatus.Active or SiloStatus.ShuttingDown;
}

/// <summary>Publishes membership snapshots; the directory, transport and catalog react to changes.</summary>
internal interface IClusterMembershipView
{
    /// <summary>The latest snapshot.</summary>
    ClusterMembershipSnapshot Current { get; }

    /// <summary>Raised after <see cref="Current"/> changed, with the new snapshot. Handlers must not block.</summary>
    event Action<ClusterMembershipSnapshot>? Changed;
}

/// <summary>Asks another silo whether it is alive, over the transport.</summary>
internal interface ISiloProber
{
    /// <summary>Sends a ping to <paramref name="target"/>; true when it answered in time.</summary>
    Task<bool> ProbeAsync(SiloAddress target, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Asks <paramref name="intermediary"/> to ping <paramref name="target"/>; true when the target answered it in time.</summary>
    Task<bool> ProbeIndirectlyAsync(SiloAddress intermediary, SiloAddress target, TimeSpan timeout, CancellationToken cancellationToken);
}

/// <summary>Tells other silos the table changed, so they re-read it now instead of at their next refresh.</summary>
internal interface IMembershipGossip
{
    /// <summary>Sends a one-way "membership changed" notice to each silo; failures are ignored.</summary>
    void NotifyChanged(IEnumerable<SiloAddress> silos);
}

/// <summary>What the transport reports to the membership protocol.</summary>
internal interface IMembershipService
{
    /// <summary>Re-reads the table now (a gossip notice arrived).</summary>
    Task RefreshAsync(CancellationToken cancellationToken);

    /// <summary>A connection to the silo failed or was reset: probe it now rather than at the next period.</summary>
    void OnConnectionFailed(SiloAddress silo);
}
