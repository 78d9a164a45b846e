using Granary.Lifecycle;
using Granary.Runtime;

namespace Granary.Catalog;

/// <summary>
/// On stop, deactivates every activation (running OnDeactivateAsync) before storage and other services go
/// away. Being constructed at host start, it also builds the grain class registry early, so a duplicate
/// grain type stops start-up instead of failing the first call.
/// </summary>
internal sealed class CatalogLifecycle(GrainCatalog catalog) : ISiloLifecycleParticipant
{
    public int Stage => ServiceLifecycleStage.BecomeActive;

    public Task OnStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task OnStopAsync(CancellationToken cancellationToken) =>
        catalog.DeactivateAllAsync(new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The silo is stopping.")).WaitAsync(cancellationToken);
}
