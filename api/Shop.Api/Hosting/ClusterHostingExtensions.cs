using Shop.Silo;

namespace Shop.Api.Hosting;

/// <summary>Connects the API to the shop's grains according to <c>Shop:Cluster:Mode</c>.</summary>
public static class ClusterHostingExtensions
{
    /// <summary>The setting that chooses the cluster mode.</summary>
    public const string ModeSetting = "Shop:Cluster:Mode";

    /// <summary>The static gateway list (<c>host:port</c> entries) of the external client.</summary>
    public const string GatewaysSetting = "Granary:Client:Gateways";

    /// <summary>Hosts the silo in-process (Embedded), or connects to a separate silo cluster as an external client (External).</summary>
    public static WebApplicationBuilder AddShopCluster(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[ModeSetting];
        if (!Enum.TryParse<ClusterMode>(configured ?? nameof(ClusterMode.Embedded), ignoreCase: true, out var mode) || !Enum.IsDefined(mode))
            throw new InvalidOperationException($"{ModeSetting} must be 'Embedded' or 'External' (got '{configured}').");

        if (mode == ClusterMode.External)
        {
            builder.UseGranaryClient(client => ConfigureGateways(client, builder.Configuration));
            return builder;
        }

        builder.UseGranary(silo => ShopSilo.Configure(silo, builder.Configuration));
        return builder;
    }

    /// <summary>
    /// With <c>Granary:Clustering:Provider=AdoNet</c> the client finds gateways among the active silos of the
    /// PostgreSQL membership table, so it follows silos that join, leave or die; otherwise it uses the static list.
    /// </summary>
    private static void ConfigureGateways(IClientBuilder client, IConfiguration configuration)
    {
        if (ShopClustering.ReadProvider(configuration) == ShopClustering.Provider.AdoNet)
        {
            var connectionString = ShopClustering.ConnectionString(configuration);
            client.UseAdoNetClustering(options => options.ConnectionString = connectionString);
            return;
        }

        if (!configuration.GetSection(GatewaysSetting).GetChildren().Any())
        {
            throw new InvalidOperationException(
                $"{ModeSetting}=External needs gateways: list them in {GatewaysSetting} (host:port), " +
                $"or set {ShopClustering.ProviderSetting}=AdoNet with {ShopClustering.ConnectionStringSetting} to find them in the membership table.");
        }
    }
}
