using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Shop.Silo;

/// <summary>Ready while the cluster's membership sees this silo as Active: it accepts grain calls.</summary>
internal sealed class SiloActiveHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Silo {silo.SiloAddress} is active.")
            : HealthCheckResult.Unhealthy($"Silo {silo.SiloAddress} is {status}."));
    }
}
