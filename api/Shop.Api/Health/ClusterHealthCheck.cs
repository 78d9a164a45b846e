using Orleans;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Shop.Health;

namespace Shop.Api.Health;

/// <summary>Ready when a grain answers a call: the cluster is up and reachable.</summary>
internal sealed class ClusterHealthCheck(IClusterClient cluster) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await cluster.GetGrain<IClusterProbeGrain>(0).Ping().WaitAsync(HealthTimeouts.Probe, cancellationToken);
            return HealthCheckResult.Healthy("A grain answered.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("No grain answered.", exception);
        }
    }
}
