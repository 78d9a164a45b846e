using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Shop.Silo;

/// <summary>Once the silo is active, logs which cluster it joined and which grain types it hosts.</summary>
internal sealed partial class SiloStartupReport(
    IOptions<ClusterOptions> cluster,
    IClusterManifestProvider manifest,
    ILogger<SiloStartupReport> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SiloStartupReport), ServiceLifecycleStage.Active, _ =>
        {
            var grainTypes = manifest.LocalGrainManifest.Grains.Keys.Select(type => type.ToString()!)
                .Where(type => !type.StartsWith("sys.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            LogActive(cluster.Value.ClusterId, cluster.Value.ServiceId, grainTypes.Count, string.Join(", ", grainTypes));
            return Task.CompletedTask;
        });
}
