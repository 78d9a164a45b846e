using Granary.Runtime;

namespace Granary.Membership;

/// <summary>
/// Stands in for the transport's prober and gossip in a silo that has none (a single-process cluster). Without
/// a way to reach another silo, every probe is reported answered, so no silo is ever declared dead on this
/// silo's word; graceful leaves and the table still tell it who is gone.
/// </summary>
internal sealed class NoTransportSeams : ISiloProber, IMembershipGossip
{
    public Task<bool> ProbeAsync(SiloAddress target, TimeSpan timeout, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<bool> ProbeIndirectlyAsync(SiloAddress intermediary, SiloAddress target, TimeSpan timeout, CancellationToken cancellationToken) =>
        Task.FromResult(true);

    public void NotifyChanged(IEnumerable<SiloAddress> silos)
    {
        // Other silos re-read the table at their refresh period.
    }
}
