extern alias ShopApi;

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Shop.Testing.Ports;

namespace Shop.Deployment.Tests;

/// <summary>The API's probes in the manifests ask for paths the API really serves.</summary>
public sealed class ProbeTests
{
    public static TheoryData<string> Overlays => [.. RenderedOverlay.Names];

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_probe_of_the_api_answers_on_the_api(string overlay)
    {
        var rendered = await RenderedOverlay.RenderAsync(overlay);
        var api = KubernetesHostingTests.Container(rendered, "shop-api", "api");
        var ports = api["ports"]!.AsArray().Select(p => (string)p!["name"]!).ToList();
        var probes = new[] { "startupProbe", "readinessProbe", "livenessProbe" }.Select(name => api[name]!["httpGet"]!).ToList();
        await using var factory = new EmbeddedApi();
        using var http = factory.CreateClient();

        foreach (var probe in probes)
        {
            Assert.Contains((string)probe["port"]!, ports);
            var response = await http.GetAsync((string)probe["path"]!);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private sealed class EmbeddedApi : WebApplicationFactory<ShopApi::Program>
    {
        private readonly string _storage = Path.Combine(Path.GetTempPath(), "shop-probe-tests-" + Guid.NewGuid().ToString("N"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Shop:Storage:Directory", _storage);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Orleans:Endpoints:SiloPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing && Directory.Exists(_storage)) Directory.Delete(_storage, recursive: true);
        }
    }
}
