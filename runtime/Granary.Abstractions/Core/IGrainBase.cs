using Granary.Runtime;

namespace Granary;

/// <summary>
/// What the runtime needs of a grain class. <see cref="Grain"/> implements it; a plain class may too,
/// taking its <see cref="IGrainContext"/> through its constructor.
/// </summary>
public interface IGrainBase
{
    /// <summary>The activation this grain instance lives in.</summary>
    IGrainContext GrainContext { get; }

    /// <summary>Called once, before the first request, after persistent state has been read.</summary>
    Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called once, after the last request, before the activation is discarded.</summary>
    Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;
}
