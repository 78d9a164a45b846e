using Granary.Configuration;
using Granary.Lifecycle;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Shop.Silo;

/// <summary>Once the silo is active, logs which cluster it joined and which grain types it can activate.</summary>
internal sealed partial class SiloStartupReport(IOptions<ClusterOptions> cluster, ILogger<SiloStartupReport> logger) : ISiloLifecycleParticipant
{
    public int Stage => ServiceLifecycleStage.Active;

    public Task OnStartAsync(CancellationToken cancellationToken)
    {
        var grainTypes = HostedGrainTypes.Find();
        LogActive(cluster.Value.ClusterId, cluster.Value.ServiceId, grainTypes.Count, grainTypes.Count == 0 ? "none" : string.Join(", ", grainTypes));
        return Task.CompletedTask;
    }

    public Task OnStopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
