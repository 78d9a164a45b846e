using Granary.Lifecycle;
using Granary.Membership;
using Granary.Runtime;

namespace Granary.Catalog;

/// <summary>
/// On stop, deactivates every activation (running OnDeactivateAsync) before storage and other services go
/// away. Being constructed at host start, it also builds the grain class registry early, so a duplicate
/// grain type stops start-up instead of failing the first call. When the membership view shows this silo Dead
/// (the cluster declared it dead while it was paused, partitioned or too slow), it drops every activation at
/// once: a graceful deactivation would run grain code, even write state, beside the activations that replaced them.
/// </summary>
internal sealed class CatalogLifecycle(GrainCatalog catalog, IClusterMembershipView membership, ILocalSiloDetails localSilo) : ISiloLifecycleParticipant
{
    public int Stage => ServiceLifecycleStage.BecomeActive;

    public Task OnStartAsync(CancellationToken cancellationToken)
    {
        membership.Changed += OnMembershipChanged;
        return Task.CompletedTask;
    }

    public Task OnStopAsync(CancellationToken cancellationToken)
    {
        membership.Changed -= OnMembershipChanged;
        return catalog.DeactivateAllAsync(new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The silo is stopping.")).WaitAsync(cancellationToken);
    }

    private void OnMembershipChanged(ClusterMembershipSnapshot snapshot)
    {
        if (snapshot.GetStatus(localSilo.SiloAddress) == SiloStatus.Dead) catalog.DropAll();
    }
}
