using Shop.Silo;

namespace Shop.Api.Hosting;

/// <summary>Connects the API to the shop's grains according to <c>Shop:Cluster:Mode</c>.</summary>
public static class ClusterHostingExtensions
{
    /// <summary>The setting that chooses the cluster mode.</summary>
    public const string ModeSetting = "Shop:Cluster:Mode";

    /// <summary>Hosts the silo in-process (Embedded), or fails start-up naming the setting for modes not available yet.</summary>
    public static WebApplicationBuilder AddShopCluster(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[ModeSetting];
        if (!Enum.TryParse<ClusterMode>(configured ?? nameof(ClusterMode.Embedded), ignoreCase: true, out var mode) || !Enum.IsDefined(mode))
            throw new InvalidOperationException($"{ModeSetting} must be 'Embedded' or 'External' (got '{configured}').");

        if (mode == ClusterMode.External)
        {
            // The external client needs cluster membership and a gateway, which arrive with the multi-silo cluster.
            throw new NotSupportedException(
                $"{ModeSetting}=External (the API as a client of a separate silo cluster) is not supported yet: it needs the multi-silo cluster. " +
                $"Set {ModeSetting} to Embedded to host the silo in this process.");
        }

        builder.UseGranary(silo => ShopSilo.Configure(silo, builder.Configuration));
        return builder;
    }
}
