using Granary;
using Granary.Hosting;
using Granary.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shop.Events;
using Shop.Notifications;

namespace Shop.Grains.Tests;

/// <summary>Builds test clusters hosting the shop's grains on memory storage, memory streams and in-memory reminders.</summary>
public static class ShopCluster
{
    public static Task<TestCluster> StartAsync(Faults faults, RecordingTransport transport, ManualTimeProvider? time = null, Action<TestClusterOptions>? configure = null)
    {
        var options = new TestClusterOptions
        {
            TimeProvider = time,
            ConfigureSilo = silo => silo
                .AddMemoryGrainStorage(ShopStorage.Name)
                .AddMemoryStreams(ShopStreams.Provider)
                .UseInMemoryReminderService()
                .AddGrainAssembly(ShopGrainsServiceCollectionExtensions.GrainAssembly)
                .AddIncomingGrainCallFilter<FaultFilter>(),
            ConfigureServices = services => services
                .AddShopGrains()
                .AddSingleton(faults)
                .AddSingleton<IWebhookTransport>(transport),
        };
        // Webhook retries without delays: these tests are about the grain's bookkeeping, not about backoff timing.
        options.Configuration["Shop:Webhooks:RetryBaseDelay"] = "00:00:00";
        configure?.Invoke(options);
        return TestCluster.StartAsync(options);
    }
}

/// <summary>One shop cluster shared by the tests of a collection; each test uses its own users, SKUs and orders.</summary>
public sealed class ShopClusterFixture : IAsyncLifetime
{
    public Faults Faults { get; } = new();

    public RecordingTransport Transport { get; } = new();

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync() => Cluster = await ShopCluster.StartAsync(Faults, Transport);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ShopClusterCollection : ICollectionFixture<ShopClusterFixture>
{
    public const string Name = "Shop cluster";
}
