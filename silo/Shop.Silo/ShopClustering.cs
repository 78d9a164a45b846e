using System.Net;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Shop.Silo.Cluster;

namespace Shop.Silo;

/// <summary>
/// Chooses the silo's membership and endpoints from configuration, so one build runs alone (Localhost, the default)
/// or in a PostgreSQL-backed cluster (AdoNet) with nothing but settings or environment variables.
/// </summary>
public static class ShopClustering
{
    /// <summary><c>Localhost</c> (default: this process is the whole cluster) or <c>AdoNet</c> (PostgreSQL membership).</summary>
    public const string MembershipSetting = "Shop:Cluster:Membership";

    /// <summary>The PostgreSQL connection string of the membership table.</summary>
    public const string ConnectionStringSetting = "Shop:Cluster:ConnectionString";

    /// <summary>The section Orleans' <see cref="ClusterOptions"/> bind from (<c>Orleans:ClusterId</c>, <c>Orleans:ServiceId</c>).</summary>
    public const string OrleansSection = "Orleans";

    /// <summary>The section of the silo's ports and advertised address (<c>SiloPort</c>, <c>GatewayPort</c>, <c>AdvertisedIPAddress</c>).</summary>
    public const string EndpointsSection = "Orleans:Endpoints";

    /// <summary>The ADO.NET invariant name Orleans' providers load the PostgreSQL driver by.</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>The membership providers this host knows.</summary>
    public enum Membership
    {
        /// <summary>This process is the whole cluster.</summary>
        Localhost,

        /// <summary>The PostgreSQL membership table shared by every silo of the cluster.</summary>
        AdoNet,
    }

    /// <summary>Reads <see cref="MembershipSetting"/>, failing with the setting's name when it holds something unusable.</summary>
    public static Membership ReadMembership(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[MembershipSetting];
        if (string.IsNullOrWhiteSpace(configured)) return Membership.Localhost;
        if (!Enum.TryParse<Membership>(configured, ignoreCase: true, out var membership) || !Enum.IsDefined(membership))
            throw new InvalidOperationException($"{MembershipSetting} must be 'Localhost' or 'AdoNet' (got '{configured}').");
        if (membership == Membership.AdoNet && string.IsNullOrWhiteSpace(configuration[ConnectionStringSetting]))
            throw new InvalidOperationException($"{MembershipSetting}=AdoNet needs {ConnectionStringSetting}: the PostgreSQL connection string of the membership table.");
        return membership;
    }

    /// <summary>Registers the membership chosen by <see cref="MembershipSetting"/> and the endpoints of <see cref="EndpointsSection"/>.</summary>
    public static ISiloBuilder UseConfiguredClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var membership = ReadMembership(configuration);
        var endpoints = SiloEndpoints.Read(configuration);
        silo.Configure<ClusterOptions>(configuration.GetSection(OrleansSection));
        if (membership == Membership.Localhost)
        {
            var cluster = configuration.GetSection(OrleansSection).Get<ClusterOptions>() ?? new ClusterOptions();
            return silo.UseLocalhostClustering(endpoints.SiloPort, endpoints.GatewayPort, null, cluster.ServiceId, cluster.ClusterId);
        }

        silo.ConfigureEndpoints(endpoints.AdvertisedAddress ?? IPAddress.Loopback, endpoints.SiloPort, endpoints.GatewayPort, listenOnAnyHostAddress: true);
        var connectionString = configuration[ConnectionStringSetting];
        silo.AddShopFailureDetection(configuration);
        return silo.UseAdoNetClustering(options =>
        {
            options.Invariant = PostgresInvariant;
            options.ConnectionString = connectionString;
        });
    }
}
