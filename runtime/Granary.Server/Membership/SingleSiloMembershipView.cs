using System.Collections.Immutable;
using Granary.Runtime;

namespace Granary.Membership;

/// <summary>
/// The view of a silo without a membership protocol: itself, active. The membership service replaces it
/// whenever a clustering provider is configured.
/// </summary>
internal sealed class SingleSiloMembershipView(ILocalSiloDetails localSilo) : IClusterMembershipView
{
    private ClusterMembershipSnapshot? _snapshot;

    public ClusterMembershipSnapshot Current => _snapshot ??= Create();

    public event Action<ClusterMembershipSnapshot>? Changed
    {
        add { }
        remove { }
    }

    private ClusterMembershipSnapshot Create()
    {
        SiloAddress me;
        try
        {
            me = localSilo.SiloAddress;
        }
        catch (InvalidOperationException)
        {
            return ClusterMembershipSnapshot.Empty;
        }

        return new ClusterMembershipSnapshot(1, ImmutableDictionary<SiloAddress, SiloStatus>.Empty.Add(me, SiloStatus.Active));
    }
}
