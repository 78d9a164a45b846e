using Granary.Runtime;

namespace Granary;

/// <summary>
/// Base class of grains. A grain is a virtual actor: it always exists conceptually, is activated on
/// demand by the runtime, processes one request at a time unless marked reentrant, and is deactivated
/// when idle.
/// </summary>
public abstract class Grain : IGrainBase
{
    /// <summary>Binds the grain to the activation the runtime is constructing it for.</summary>
    protected Grain()
    {
        GrainContext = RuntimeContext.ActivationUnderConstruction
            ?? throw new InvalidOperationException(
                $"{GetType().Name} was constructed outside the runtime. Grains are created by the runtime; get a reference with IGrainFactory.GetGrain.");
    }

    /// <summary>Binds the grain to an explicit activation context (POCO-style construction).</summary>
    protected Grain(IGrainContext grainContext) => GrainContext = grainContext;

    /// <inheritdoc />
    public IGrainContext GrainContext { get; }

    /// <summary>The identity of this grain.</summary>
    public GrainId GrainId => GrainContext.GrainId;

    /// <summary>Creates references to other grains.</summary>
    protected IGrainFactory GrainFactory => GrainContext.GrainFactory;

    /// <summary>The silo's services.</summary>
    protected IServiceProvider ServiceProvider => GrainContext.ActivationServices;

    /// <inheritdoc />
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this grain once the current request completes.</summary>
    protected void DeactivateOnIdle() =>
        GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called."));

    /// <summary>Keeps this grain active for at least <paramref name="timeSpan"/>, even when idle.</summary>
    protected void DelayDeactivation(TimeSpan timeSpan) => GrainContext.DelayDeactivation(timeSpan);
}
