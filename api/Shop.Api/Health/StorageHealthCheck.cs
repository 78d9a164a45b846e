using Orleans;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Shop.Health;

namespace Shop.Api.Health;

/// <summary>Ready when a grain can write its state to the shop's grain storage and read it back.</summary>
internal sealed class StorageHealthCheck(IClusterClient cluster) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var at = await cluster.GetGrain<IHealthProbeGrain>("storage").CheckStorage().WaitAsync(HealthTimeouts.Probe, cancellationToken);
            return HealthCheckResult.Healthy($"Wrote and read grain state at {at:O}.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("Grain storage did not write and read back.", exception);
        }
    }
}
