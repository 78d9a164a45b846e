using Microsoft.Extensions.Configuration;

namespace Shop.Silo.Cluster;

/// <summary>
/// Chooses the grain directory with <c>Shop:Cluster:GrainDirectory</c>: <c>Default</c> (Orleans' default in-cluster
/// directory) or <c>Distributed</c> (Orleans' experimental strongly consistent distributed directory), so the two
/// can be compared on failover (tests/Shop.Cluster.Benchmarks, docs/cluster.md).
/// </summary>
internal static class GrainDirectoryRegistration
{
    public const string Setting = "Shop:Cluster:GrainDirectory";

    public static ISiloBuilder UseConfiguredGrainDirectory(this ISiloBuilder silo, IConfiguration configuration)
    {
        switch (configuration[Setting])
        {
            case null or "" or "Default":
                return silo;
            case "Distributed":
                // Experimental in Orleans 10 (ORLEANSEXP003): opt-in only, to measure it against the default.
#pragma warning disable ORLEANSEXP003
                return silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
            default:
                throw new InvalidOperationException($"{Setting} must be 'Default' or 'Distributed' (got '{configuration[Setting]}').");
        }
    }
}
