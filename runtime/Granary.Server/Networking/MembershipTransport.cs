using Granary.Invocation;
using Granary.Membership;
using Granary.Runtime;
using Granary.SystemTargets;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Networking;

/// <summary>What silos ask each other for the membership protocol.</summary>
internal interface IMembershipTarget : ISystemTarget
{
    /// <summary>Answers at once: the caller learns this silo is alive and reachable.</summary>
    Task Ping();

    /// <summary>Pings <paramref name="target"/> on the caller's behalf, to tell a dead silo from a bad link.</summary>
    Task<bool> ProbeIndirectly(string target, int timeoutMilliseconds);

    /// <summary>The membership table changed: re-read it now.</summary>
    [Concurrency.OneWay]
    Task MembershipChanged();
}

/// <summary>Probes and gossip of the membership protocol, carried as system-target calls over the silo transport.</summary>
internal sealed class MembershipTransport(IServiceProvider services, TimeProvider timeProvider) : ISiloProber, IMembershipGossip, IMembershipTarget
{
    public static readonly GrainType TargetType = new("sys.membership");

    /// <summary>Direct probes skip the target's queue: the answer has to measure the silo's liveness, not its backlog.</summary>
    public static bool AnswersOnReceipt(Invokable request) =>
        request.InterfaceType == typeof(IMembershipTarget) && request.MethodName == nameof(IMembershipTarget.Ping);

    private IGrainFactory Grains => services.GetRequiredService<IGrainFactory>();

    public async Task<bool> ProbeAsync(SiloAddress target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await Target(target).Ping().WaitAsync(timeout, timeProvider, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is TimeoutException or SiloUnavailableException or InvalidOperationException)
        {
            return false;
        }
    }

    public async Task<bool> ProbeIndirectlyAsync(SiloAddress intermediary, SiloAddress target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            // The intermediary gets the same budget for its own probe; ours covers the round trip to it as well.
            return await Target(intermediary).ProbeIndirectly(target.ToString(), (int)timeout.TotalMilliseconds).WaitAsync(timeout * 2, timeProvider, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or SiloUnavailableException or InvalidOperationException)
        {
            return false;
        }
    }

    public void NotifyChanged(IEnumerable<SiloAddress> silos)
    {
        foreach (var silo in silos) _ = Target(silo).MembershipChanged();
    }

    public Task Ping() => Task.CompletedTask;

    public Task<bool> ProbeIndirectly(string target, int timeoutMilliseconds) =>
        ProbeAsync(SiloAddress.Parse(target), TimeSpan.FromMilliseconds(timeoutMilliseconds), CancellationToken.None);

    public Task MembershipChanged()
    {
        var membership = services.GetService<IMembershipService>();
        return membership is null ? Task.CompletedTask : membership.RefreshAsync(CancellationToken.None);
    }

    private IMembershipTarget Target(SiloAddress silo) => Grains.GetGrain<IMembershipTarget>(SystemTargetRegistry.Address(TargetType, silo));
}
