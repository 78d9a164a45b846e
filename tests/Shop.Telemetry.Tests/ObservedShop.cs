using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Shop.Events;
using Shop.Notifications;
using Shop.Observability.Dashboard;
using Shop.Observability.Telemetry;
using Shop.Testing.Ports;

namespace Shop.Telemetry.Tests;

/// <summary>
/// A cluster of two silos, each its own host in this process on real TCP ports (localhost clustering, the second
/// joining the first), with the shop's grains, trace propagation and the dashboard, and the shop's API as its client on
/// real Kestrel sockets, exactly as Shop:Cluster:Mode=External configures it. The spans and metrics of the process are
/// collected in memory. Orleans' InProcessTestCluster is not used: its silos talk over an in-memory transport that a
/// client outside it, such as the API, cannot reach.
/// </summary>
public sealed class ObservedShop : IAsyncLifetime
{
    public const string Username = "operator";
    public const string Password = "correct-horse-battery";
    private const string ClusterId = "telemetry-tests";
    private const string ServiceId = "shop";

    private readonly List<IHost> _silos = [];

    public SpanCollector Spans { get; } = new();

    public MetricTotals Metrics { get; } = new();

    public ObservedApi Api { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The API's cluster client, for what the tests ask the cluster directly (where a grain lives).</summary>
    public IClusterClient Client => Api.Services.GetRequiredService<IClusterClient>();

    public async Task InitializeAsync()
    {
        var primary = new IPEndPoint(IPAddress.Loopback, FreePorts.Next());
        var gateways = new List<IPEndPoint>();
        foreach (var siloPort in (int[])[primary.Port, FreePorts.Next()])
        {
            var gateway = new IPEndPoint(IPAddress.Loopback, FreePorts.Next());
            gateways.Add(gateway);
            var silo = StartSilo(siloPort, gateway.Port, primary);
            _silos.Add(silo);
            await silo.StartAsync();
        }

        var settings = new Dictionary<string, string>
        {
            ["Shop:Cluster:Mode"] = "External",
            ["Orleans:ClusterId"] = ClusterId,
            ["Orleans:ServiceId"] = ServiceId,
            ["Shop:Dashboard:Username"] = Username,
            ["Shop:Dashboard:Password"] = Password,
        };
        for (var i = 0; i < gateways.Count; i++) settings[$"Shop:Cluster:Gateways:{i}"] = gateways[i].ToString();
        Api = new ObservedApi(settings, Spans, Metrics);
        Api.UseKestrel(0);
        Api.StartServer();
        var server = Api.Services.GetRequiredService<IServer>();
        BaseAddress = new Uri(server.Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Http = new HttpClient { BaseAddress = BaseAddress };
        var management = Client.GetGrain<IManagementGrain>(0);
        await Deadline.Until(() => management.GetHosts(onlyActive: true), hosts => hosts.Count == 2, "both silos are active");
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Api.DisposeAsync();
        foreach (var silo in Enumerable.Reverse(_silos))
        {
            await silo.StopAsync();
            silo.Dispose();
        }
    }

    private static IHost StartSilo(int siloPort, int gatewayPort, IPEndPoint primary)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var defaults = new ConfigurationBuilder().Build();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, primary, ServiceId, ClusterId)
                .AddMemoryGrainStorage(ShopStorage.Name)
                .AddMemoryGrainStorage("PubSubStore")
                .AddMemoryStreams(ShopStreams.Provider)
                .UseInMemoryReminderService()
                .AddShopTelemetry()
                .AddShopDashboard(defaults);
            silo.Services.AddShopGrains().AddSingleton<IWebhookTransport, NoWebhooks>();
            // Random placement: the default, resource-optimized, may keep every activation on the silo it is called
            // through while the machine is busy, and the tests need grains on both silos.
            silo.Services.AddSingleton<PlacementStrategy, RandomPlacement>();
        });
        return builder.Build();
    }

    /// <summary>Webhooks are not what these tests look at; none is registered.</summary>
    private sealed class NoWebhooks : IWebhookTransport
    {
        public Task<int> PostAsync(Uri url, string eventId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
            Task.FromResult((int)HttpStatusCode.OK);
    }
}

[CollectionDefinition(Name)]
public sealed class ObservedShopCollection : ICollectionFixture<ObservedShop>
{
    public const string Name = "Observed shop";
}
