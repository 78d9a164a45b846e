using Granary.Hosting;
using Granary.Streaming.Providers;
using Granary.Streams;
using Granary.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Conformance.Streams;

/// <summary>
/// The contract every stream provider keeps, run on an in-process silo with a manual clock. Each provider's
/// test class derives from this and adds its provider under <see cref="ConformanceNamespaces.Provider"/>.
/// The tests are split by concern into the partial files beside this one.
/// </summary>
public abstract partial class StreamProviderConformance : IAsyncLifetime
{
    /// <summary>How many failed deliveries send an event to the dead letters in these tests.</summary>
    protected const int MaxDeliveryAttempts = 3;

    protected StreamProbe Probe { get; } = new();

    protected ManualTimeProvider Clock { get; } = new();

    protected TestCluster Cluster { get; private set; } = null!;

    protected IClusterClient Client => Cluster.Client;

    /// <summary>
    /// Adds the provider under test to the silo: named <paramref name="name"/>, giving up an event after
    /// <paramref name="maxDeliveryAttempts"/> failed deliveries, retrying without delay.
    /// </summary>
    protected abstract void AddStreamProvider(ISiloBuilder silo, string name, int maxDeliveryAttempts);

    /// <summary>The dead letters the provider wrote so far.</summary>
    protected abstract Task<IReadOnlyList<DeadLetter>> ReadDeadLettersAsync(IServiceProvider services, string name);

    public async Task InitializeAsync() => Cluster = await TestCluster.StartAsync(new TestClusterOptions
    {
        TimeProvider = Clock,
        ConfigureSilo = silo => AddStreamProvider(silo, ConformanceNamespaces.Provider, MaxDeliveryAttempts),
        ConfigureServices = services => services.AddSingleton(Probe),
    });

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    protected IAsyncStream<int> Stream(string streamNamespace, string key) =>
        Client.GetStreamProvider(ConformanceNamespaces.Provider).GetStream<int>(streamNamespace, key);

    protected static string NewKey() => Guid.NewGuid().ToString("N");

    protected static string[] Items(params int[] items) => [.. items.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The items of "item@position" entries.</summary>
    protected static string[] ItemsOf(IEnumerable<string> entries) => [.. entries.Select(e => e.Split('@')[0])];

    protected async Task PublishAsync(string streamNamespace, string key, params int[] items)
    {
        var stream = Stream(streamNamespace, key);
        foreach (var item in items) await stream.OnNextAsync(item);
    }
}
