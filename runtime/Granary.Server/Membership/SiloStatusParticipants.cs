using Granary.Lifecycle;

namespace Granary.Membership;

/// <summary>
/// Marks this silo Active at stage <see cref="ServiceLifecycleStage.BecomeActive"/>: after the directory and
/// catalog started, and before stage <see cref="ServiceLifecycleStage.Active"/>, whose participants (reminders,
/// startup tasks) may already call grains placed by the cluster's view of active silos.
/// </summary>
internal sealed class SiloActivation(MembershipService membership) : ISiloLifecycleParticipant
{
    public int Stage => ServiceLifecycleStage.BecomeActive;

    public Task OnStartAsync(CancellationToken cancellationToken) => membership.BecomeActiveAsync(cancellationToken);

    public Task OnStopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Writes ShuttingDown when the silo stops, at stage <see cref="ServiceLifecycleStage.Active"/>, the first to
/// stop. A graceful stop is thus ordered: ShuttingDown (here; other silos place nothing new on this one) ->
/// participants at stages below Active and above Membership, such as the activation hand-off at BecomeActive ->
/// Dead (<see cref="MembershipService"/> at stage <see cref="ServiceLifecycleStage.Membership"/>).
/// </summary>
internal sealed class SiloShutdownAnnouncer(MembershipService membership) : ISiloLifecycleParticipant
{
    public int Stage => ServiceLifecycleStage.Active;

    public Task OnStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task OnStopAsync(CancellationToken cancellationToken) => membership.AnnounceShutdownAsync(cancellationToken);
}
