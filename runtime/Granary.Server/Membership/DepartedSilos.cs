using System.Collections.Concurrent;
using Granary.Runtime;

namespace Granary.Membership;

/// <summary>
/// Silos that said goodbye on their connection before this silo read their Dead row. A silo says it only after
/// its activations are gone, so a directory entry naming one is stale, exactly as if the silo were dead.
/// </summary>
internal sealed class DepartedSilos
{
    private readonly ConcurrentDictionary<SiloAddress, bool> _silos = new();

    public void Add(SiloAddress silo) => _silos[silo] = true;

    public bool Contains(SiloAddress silo) => _silos.ContainsKey(silo);

    /// <summary>Kept while the table lists the silo, so its Dead row still reads as a leave; dropped with the row.</summary>
    public void ForgetUnlisted(ClusterMembershipSnapshot snapshot)
    {
        foreach (var silo in _silos.Keys)
        {
            if (snapshot.GetStatus(silo) == SiloStatus.None) _silos.TryRemove(silo, out _);
        }
    }

    /// <summary>True when entries naming <paramref name="silo"/> are stale: it is dead or it left.</summary>
    public bool IsGone(SiloAddress silo, ClusterMembershipSnapshot snapshot) => snapshot.GetStatus(silo) == SiloStatus.Dead || Contains(silo);
}
