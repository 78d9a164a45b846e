extern alias ShopApi;

using Granary.Cluster.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Shop.Chaos.Tests;

/// <summary>The shop API in External mode: a cluster client that finds the silos' gateways in the membership table.</summary>
internal sealed class ExternalShopApi(string clusterId) : WebApplicationFactory<ShopApi::Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Shop:Cluster:Mode", "External");
        builder.UseSetting("Granary:ClusterId", clusterId);
        builder.UseSetting("Granary:ServiceId", clusterId);
        builder.UseSetting("Granary:Clustering:Provider", "AdoNet");
        builder.UseSetting("Granary:Clustering:ConnectionString", Postgres.ConnectionString);
        // Under chaos the API logs every failed grain call; the summary counts them by kind instead.
        builder.ConfigureLogging(logging => logging.ClearProviders());
    }
}
