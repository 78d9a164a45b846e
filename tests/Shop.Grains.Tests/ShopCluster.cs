using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.TestingHost;
using Shop.Events;
using Shop.Notifications;
using Shop.Testing;

namespace Shop.Grains.Tests;

/// <summary>
/// Builds in-process Orleans clusters of two silos hosting the shop's grains on memory storage (which can lose a
/// write's acknowledgement on demand), memory streams and in-memory reminders, so calls cross silos and every
/// argument and state goes through Orleans' serializers.
/// </summary>
public static class ShopCluster
{
    /// <summary>The memory storage behind the shop's storage, which <see cref="AckLosingStorage"/> wraps.</summary>
    private const string MemoryStorage = "shop-memory";

    public static async Task<InProcessTestCluster> StartAsync(
        Faults faults, RecordingTransport transport, FakeTimeProvider? time = null, IDictionary<string, string?>? settings = null)
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 2);
        builder.Options.ConfigureFileLogging = false;
        // Webhook retries without delays: these tests are about the grain's bookkeeping, not about backoff timing.
        var configuration = new Dictionary<string, string?> { ["Shop:Webhooks:RetryBaseDelay"] = "00:00:00" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) configuration[key] = value;
        builder.ConfigureSiloHost((_, host) => host.Configuration.AddInMemoryCollection(configuration));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(MemoryStorage)
                .AddMemoryGrainStorage("PubSubStore")
                .AddMemoryStreams(ShopStreams.Provider)
                .UseInMemoryReminderService()
                .AddIncomingGrainCallFilter<FaultFilter>();
            silo.Services.AddKeyedSingleton<IGrainStorage>(ShopStorage.Name, (services, _) =>
                new AckLosingStorage(services.GetRequiredKeyedService<IGrainStorage>(MemoryStorage), faults));
            silo.Services.AddShopGrains().AddSingleton(faults).AddSingleton<IWebhookTransport>(transport);
            if (time is not null) silo.Services.UseFakeClockForGrains(time);
        });
        builder.ConfigureClient(client => client.AddMemoryStreams(ShopStreams.Provider));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}

/// <summary>One shop cluster shared by the tests of a collection; each test uses its own users, SKUs and orders.</summary>
public sealed class ShopClusterFixture : IAsyncLifetime
{
    public Faults Faults { get; } = new();

    public RecordingTransport Transport { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync() => Cluster = await ShopCluster.StartAsync(Faults, Transport);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ShopClusterCollection : ICollectionFixture<ShopClusterFixture>
{
    public const string Name = "Shop cluster";
}
