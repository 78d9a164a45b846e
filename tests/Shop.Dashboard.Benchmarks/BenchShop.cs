extern alias ShopApi;

using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Dashboard;
using Shop.Testing.Ports;

namespace Shop.Dashboard.Benchmarks;

/// <summary>
/// The shop API's embedded default on real Kestrel sockets, with memory grain storage so that disk writes do not
/// drown what the dashboard costs, and the dashboard set up as <paramref name="variant"/> says.
/// </summary>
public sealed class BenchShop(DashboardVariant variant) : WebApplicationFactory<ShopApi::Program>
{
    public Uri Address { get; private set; } = null!;

    public void Start()
    {
        // The API's appsettings.json is copied next to this program: use it as the content root wherever this runs from.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SHOP_API", AppContext.BaseDirectory);
        UseKestrel(0);
        StartServer();
        Address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");
        builder.UseSetting("Shop:Storage:Provider", "Memory");
        builder.UseSetting("Orleans:Endpoints:SiloPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Shop:Dashboard:Enabled", variant == DashboardVariant.Off ? "false" : "true");
        builder.UseSetting("Shop:Dashboard:Password", "benchmark-password");
        if (variant == DashboardVariant.Profiling)
            builder.ConfigureServices(services => services.Configure<GrainProfilerOptions>(options => options.TraceAlways = true));
    }
}
