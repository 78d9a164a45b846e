using Granary.Lifecycle;

namespace Granary.Networking;

/// <summary>
/// Places the wire's hand-over in the graceful leave: after activations and directory ranges moved away (higher
/// stages stop first) and before membership writes this silo Dead, so peers learn of the leave from the go-away
/// on their connections rather than from a Dead row that would look like a crash.
/// </summary>
internal sealed class ConnectionDrain(SiloConnectionListener listener) : ISiloLifecycleParticipant
{
    public int Stage => ServiceLifecycleStage.Membership + 1;

    public Task OnStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task OnStopAsync(CancellationToken cancellationToken) => listener.DrainAsync(cancellationToken);
}
