using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;

namespace Shop.Observability.Dashboard;

/// <summary>
/// The Orleans Dashboard on every silo, and its UI behind a login on a web host: a login form with a cookie for
/// browsers, Basic authentication for scripts, one operator credential from <c>Shop:Dashboard</c>.
/// </summary>
public static class ShopDashboard
{
    /// <summary>The authorization policy on the dashboard's whole route group (pages, assets and JSON endpoints).</summary>
    public const string PolicyName = "ShopDashboard";

    internal const string Scheme = "ShopDashboard";
    internal const string CookieScheme = "ShopDashboard.Cookie";
    internal const string BasicScheme = "ShopDashboard.Basic";

    /// <summary>Adds the dashboard's data collection to the silo, unless <c>Shop:Dashboard:Enabled</c> is false.</summary>
    public static ISiloBuilder AddShopDashboard(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var options = ShopDashboardOptions.Read(configuration);
        return options.Enabled ? silo.AddDashboard(dashboard => dashboard.HideTrace = !options.LiveLog) : silo;
    }

    /// <summary>Lets a cluster client serve the dashboard of silos that have it, unless <c>Shop:Dashboard:Enabled</c> is false.</summary>
    public static IClientBuilder AddShopDashboard(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        var options = ShopDashboardOptions.Read(configuration);
        return options.Enabled ? client.AddDashboard(dashboard => dashboard.HideTrace = !options.LiveLog) : client;
    }

    /// <summary>Registers the dashboard's login (authentication schemes, the policy, the credential) on a web host.</summary>
    public static IHostApplicationBuilder AddShopDashboardAccess(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = ShopDashboardOptions.Read(builder.Configuration);
        builder.Services.AddSingleton(options);
        if (!options.Enabled) return builder;

        builder.Services.AddSingleton(new DashboardCredential(options));
        if (options.KeyRingConnectionString is { Length: > 0 } keyRing)
        {
            // One application name and one key ring for every host of the cluster, whatever its content root.
            builder.Services.AddDataProtection().SetApplicationName("shop-dashboard")
                .AddKeyManagementOptions(keys => keys.XmlRepository = new PostgresKeyRepository(keyRing));
        }

        builder.Services.AddHostedService<DashboardCredentialReport>();
        // No default scheme: the API's own routes stay anonymous; only the policy below names these schemes.
        builder.Services.AddAuthentication()
            .AddPolicyScheme(Scheme, "Orleans Dashboard", policy => policy.ForwardDefaultSelector = context =>
                BasicAuthenticationHandler.HasBasicHeader(context.Request) ? BasicScheme : CookieScheme)
            .AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(BasicScheme, null)
            .AddCookie(CookieScheme, cookie => DashboardCookie.Configure(cookie, options.Path));
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(PolicyName, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return builder;
    }

    /// <summary>Maps the login page and the dashboard at <c>Shop:Dashboard:Path</c>, every dashboard route behind <see cref="PolicyName"/>.</summary>
    public static IEndpointRouteBuilder MapShopDashboard(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<ShopDashboardOptions>();
        if (!options.Enabled) return endpoints;
        endpoints.MapDashboardLogin(options.Path);
        endpoints.MapOrleansDashboard(options.Path).RequireAuthorization(PolicyName);
        return endpoints;
    }
}
