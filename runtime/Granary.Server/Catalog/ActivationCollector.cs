using Granary.Configuration;
using Granary.Lifecycle;
using Granary.Runtime;
using Microsoft.Extensions.Options;

namespace Granary.Catalog;

/// <summary>
/// Deactivates activations idle for longer than their collection age: [CollectionAgeLimit] on the class,
/// else Granary:Collection:ClassSpecificCollectionAge, else Granary:Collection:CollectionAge.
/// </summary>
internal sealed class ActivationCollector(GrainCatalog catalog, TimeProvider timeProvider, IOptions<GrainCollectionOptions> options) : ISiloLifecycleParticipant
{
    private ITimer? _timer;

    public int Stage => ServiceLifecycleStage.RuntimeServices;

    public Task OnStartAsync(CancellationToken cancellationToken)
    {
        var quantum = options.Value.CollectionQuantum;
        _timer = timeProvider.CreateTimer(static state => ((ActivationCollector)state!).CollectIdle(), this, quantum, quantum);
        return Task.CompletedTask;
    }

    public Task OnStopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Deactivates every activation that is idle past its age; returns how many.</summary>
    public int CollectIdle()
    {
        var now = timeProvider.GetTimestamp();
        var collected = 0;
        foreach (var activation in catalog.Activations)
        {
            if (!activation.IsIdleFor(AgeOf(activation.GrainClass), now)) continue;
            activation.Deactivate(new DeactivationReason(DeactivationReasonCode.ActivationIdle, "The activation was idle longer than its collection age."));
            collected++;
        }

        return collected;
    }

    private TimeSpan AgeOf(GrainClassInfo grainClass) =>
        options.Value.ClassSpecificCollectionAge.TryGetValue(grainClass.GrainType.Value, out var configured) ? configured
        : grainClass.CollectionAge ?? options.Value.CollectionAge;
}
