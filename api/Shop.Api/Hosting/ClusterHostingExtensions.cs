using System.Net;
using Orleans.Configuration;
using Shop.Observability.Dashboard;
using Shop.Observability.Telemetry;
using Shop.Silo;

namespace Shop.Api.Hosting;

/// <summary>Connects the API to the shop's grains according to <c>Shop:Cluster:Mode</c>.</summary>
public static class ClusterHostingExtensions
{
    /// <summary>The setting that chooses the cluster mode.</summary>
    public const string ModeSetting = "Shop:Cluster:Mode";

    /// <summary>The static gateway list (<c>host:port</c> entries) of the external client.</summary>
    public const string GatewaysSetting = "Shop:Cluster:Gateways";

    /// <summary>Hosts the silo in-process (Embedded), or connects to a separate silo cluster as an Orleans client (External).</summary>
    public static WebApplicationBuilder AddShopCluster(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[ModeSetting];
        if (!Enum.TryParse<ClusterMode>(configured ?? nameof(ClusterMode.Embedded), ignoreCase: true, out var mode) || !Enum.IsDefined(mode))
            throw new InvalidOperationException($"{ModeSetting} must be 'Embedded' or 'External' (got '{configured}').");

        if (mode == ClusterMode.External)
        {
            builder.UseOrleansClient(client => ConfigureClient(client, builder.Configuration));
            return builder;
        }

        builder.UseOrleans(silo => ShopSilo.Configure(silo, builder.Configuration));
        return builder;
    }

    /// <summary>
    /// With <c>Shop:Cluster:Membership=AdoNet</c> the client finds gateways among the active silos of the PostgreSQL
    /// membership table, so it follows silos that join, leave or die; otherwise it uses the static list.
    /// </summary>
    private static void ConfigureClient(IClientBuilder client, IConfiguration configuration)
    {
        client.Configure<ClusterOptions>(configuration.GetSection(ShopClustering.OrleansSection));
        client.AddShopTelemetry().AddShopDashboard(configuration);
        client.AddShopClientFailover(configuration);
        client.Services.AddStorageExceptionSerialization();
        if (ShopClustering.ReadMembership(configuration) == ShopClustering.Membership.AdoNet)
        {
            var connectionString = configuration[ShopClustering.ConnectionStringSetting];
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = ShopClustering.PostgresInvariant;
                options.ConnectionString = connectionString;
            });
            return;
        }

        client.UseStaticClustering(ReadGateways(configuration));
    }

    private static IPEndPoint[] ReadGateways(IConfiguration configuration)
    {
        var entries = configuration.GetSection(GatewaysSetting).GetChildren().Select(entry => entry.Value).ToList();
        if (entries.Count == 0)
        {
            throw new InvalidOperationException(
                $"{ModeSetting}=External needs gateways: list them in {GatewaysSetting} (host:port), " +
                $"or set {ShopClustering.MembershipSetting}=AdoNet with {ShopClustering.ConnectionStringSetting} to find them in the membership table.");
        }

        return [.. entries.Select((entry, i) => IPEndPoint.TryParse(entry ?? "", out var endpoint) && endpoint.Port > 0
            ? endpoint
            : throw new InvalidOperationException($"{GatewaysSetting}:{i} must be an address and port such as 127.0.0.1:30000 (got '{entry}')."))];
    }
}
