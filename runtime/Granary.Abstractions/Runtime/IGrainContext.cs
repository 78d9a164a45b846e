using Granary.Timers;

namespace Granary.Runtime;

/// <summary>An activation of a grain: its identity, its instance and the runtime services it may use.</summary>
public interface IGrainContext
{
    /// <summary>The identity of the grain.</summary>
    GrainId GrainId { get; }

    /// <summary>The grain instance, once constructed.</summary>
    object? GrainInstance { get; }

    /// <summary>Services available to the activation.</summary>
    IServiceProvider ActivationServices { get; }

    /// <summary>Creates references to grains.</summary>
    IGrainFactory GrainFactory { get; }

    /// <summary>Requests deactivation once the activation has no running request.</summary>
    void Deactivate(DeactivationReason reason);

    /// <summary>Keeps the activation alive, even when idle, for at least the given time.</summary>
    void DelayDeactivation(TimeSpan timeSpan);

    /// <summary>Registers a timer whose callbacks run as turns of this activation.</summary>
    IGrainTimer RegisterTimer(Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options);

    /// <summary>A component attached to this activation (for example a runtime extension), or null.</summary>
    TComponent? GetComponent<TComponent>() where TComponent : class;

    /// <summary>Attaches a component to this activation under <typeparamref name="TComponent"/>; null detaches it.</summary>
    void SetComponent<TComponent>(TComponent? component) where TComponent : class;
}
