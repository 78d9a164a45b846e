using System.Collections.Concurrent;
using Granary.Membership;
using Granary.Runtime;

namespace Granary.Conformance.Membership;

/// <summary>
/// The transport as the membership protocol sees it: silos that are up answer probes unless the link between
/// two of them is cut; gossip re-reads the table on the silos it reaches. Every answer is immediate, so the
/// protocol runs synchronously inside the manual clock's Advance.
/// </summary>
internal sealed class FakeNetwork
{
    private readonly ConcurrentDictionary<SiloAddress, MembershipService?> _up = new();
    private readonly ConcurrentDictionary<(SiloAddress, SiloAddress), bool> _cut = new();
    private readonly ConcurrentQueue<(SiloAddress From, SiloAddress Target, SiloAddress? Via)> _probes = new();

    /// <summary>Every probe so far: who probed whom, and through which intermediary.</summary>
    public IReadOnlyList<(SiloAddress From, SiloAddress Target, SiloAddress? Via)> Probes => [.. _probes];

    /// <summary>The silo answers probes; with a service, it also takes gossip.</summary>
    public void Up(SiloAddress silo, MembershipService? service = null) => _up[silo] = service;

    /// <summary>The silo stops answering (killed, paused, or its host unreachable).</summary>
    public void Down(SiloAddress silo) => _up.TryRemove(silo, out _);

    /// <summary>Cuts the link between two silos, both ways; each still reaches every other silo.</summary>
    public void Cut(SiloAddress a, SiloAddress b)
    {
        _cut[(a, b)] = true;
        _cut[(b, a)] = true;
    }

    public void Restore(SiloAddress a, SiloAddress b)
    {
        _cut.TryRemove((a, b), out _);
        _cut.TryRemove((b, a), out _);
    }

    public bool Reaches(SiloAddress from, SiloAddress to) => _up.ContainsKey(from) && _up.ContainsKey(to) && !_cut.ContainsKey((from, to));

    public Endpoint For(SiloAddress silo) => new(this, silo);

    /// <summary>One silo's prober and gossip.</summary>
    internal sealed class Endpoint(FakeNetwork network, SiloAddress self) : ISiloProber, IMembershipGossip
    {
        public Task<bool> ProbeAsync(SiloAddress target, TimeSpan timeout, CancellationToken cancellationToken)
        {
            network._probes.Enqueue((self, target, null));
            return Task.FromResult(network.Reaches(self, target));
        }

        public Task<bool> ProbeIndirectlyAsync(SiloAddress intermediary, SiloAddress target, TimeSpan timeout, CancellationToken cancellationToken)
        {
            network._probes.Enqueue((self, target, intermediary));
            return Task.FromResult(network.Reaches(self, intermediary) && network.Reaches(intermediary, target));
        }

        public void NotifyChanged(IEnumerable<SiloAddress> silos)
        {
            foreach (var silo in silos)
            {
                if (network.Reaches(self, silo) && network._up.TryGetValue(silo, out var service) && service is not null) _ = service.RefreshAsync(CancellationToken.None);
            }
        }
    }
}
