using System.Collections.Concurrent;
using Granary.Catalog;
using Granary.Lifecycle;
using Granary.Membership;
using Granary.Runtime;
using Granary.SystemTargets;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Placement;

/// <summary>Activation counts of the silos, for placement and rebalancing: exchanged every couple of seconds.</summary>
internal interface ISiloLoadTarget : ISystemTarget
{
    [Concurrency.OneWay]
    Task Report(string silo, int activations);
}

internal sealed class SiloLoadTable(ILocalSiloDetails localSilo, IClusterMembershipView membership, TimeProvider timeProvider, IServiceProvider services)
    : ISiloLoadTarget, ISiloLifecycleParticipant, IDisposable
{
    public static readonly GrainType TargetType = new("sys.load");
    private static readonly TimeSpan ReportPeriod = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<SiloAddress, int> _remote = new();
    private ITimer? _timer;

    public int Stage => ServiceLifecycleStage.Active;

    public int ActivationsOf(SiloAddress silo) =>
        silo == localSilo.SiloAddress ? services.GetRequiredService<GrainCatalog>().Count : _remote.GetValueOrDefault(silo);

    public Task Report(string silo, int activations)
    {
        _remote[SiloAddress.Parse(silo)] = activations;
        return Task.CompletedTask;
    }

    public Task OnStartAsync(CancellationToken cancellationToken)
    {
        _timer = timeProvider.CreateTimer(_ => Broadcast(), null, ReportPeriod, ReportPeriod);
        return Task.CompletedTask;
    }

    public Task OnStopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();

    private void Broadcast()
    {
        try
        {
            BroadcastOnce();
        }
        catch (ObjectDisposedException)
        {
            // The silo is being torn down; a timer tick that raced the disposal has nothing to report.
        }
    }

    private void BroadcastOnce()
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        var me = localSilo.SiloAddress;
        var count = ActivationsOf(me);
        foreach (var silo in membership.Current.ActiveSilos)
        {
            if (silo == me) continue;
            _ = grains.GetGrain<ISiloLoadTarget>(SystemTargetRegistry.Address(TargetType, silo)).Report(me.ToString(), count);
        }

        foreach (var silo in _remote.Keys)
        {
            if (!membership.Current.IsAlive(silo)) _remote.TryRemove(silo, out _);
        }
    }
}
