using Granary.Hosting;
using Granary.Membership;
using Granary.Storage;
using Granary.Streaming.Memory;
using Granary.Streaming.PubSub;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Granary.Testing;

/// <summary>How a <see cref="TestCluster"/> is built.</summary>
public sealed class TestClusterOptions
{
    /// <summary>Silos started by <see cref="TestCluster.StartAsync(TestClusterOptions?, CancellationToken)"/>. Default: 1.</summary>
    public int InitialSilos { get; set; } = 1;

    /// <summary>
    /// Extra silo configuration; every silo already shares one membership table, one default memory storage (also
    /// the streams' <c>PubSubStore</c>) and the queues of memory stream providers.
    /// </summary>
    public Action<ISiloBuilder>? ConfigureSilo { get; set; }

    /// <summary>Extra services of every silo.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>Configuration values of every silo (for example <c>Granary:Messaging:ResponseTimeout</c>).</summary>
    public Dictionary<string, string?> Configuration { get; } = [];

    /// <summary>A manual clock for the silos' timers, timeouts and idle collection; null uses the system clock.</summary>
    public ManualTimeProvider? TimeProvider { get; set; }
}

/// <summary>
/// An in-process cluster for tests: silos in generic hosts, talking over real TCP on loopback, sharing one
/// in-memory membership table, one default grain storage and the memory stream queues (positions included). Silos can be added, stopped and killed.
/// Share one per xUnit collection through a fixture; start one per test when a test needs its own clock.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly TestClusterOptions _options;
    private readonly InMemoryMembershipTable _membershipTable = new();
    private readonly MemoryGrainStorage _storage = new();
    private readonly MemoryStreamBroker _streams = new();
    private readonly List<TestSilo> _silos = [];
    private readonly List<IHost> _clients = [];

    private TestCluster(TestClusterOptions options) => _options = options;

    /// <summary>Running silos, in start order.</summary>
    public IReadOnlyList<TestSilo> Silos => _silos;

    /// <summary>The first running silo.</summary>
    public TestSilo Primary => _silos.Count > 0 ? _silos[0] : throw new InvalidOperationException("The cluster has no running silo.");

    /// <summary>The primary silo's co-hosted client.</summary>
    public IClusterClient Client => Primary.Client;

    /// <summary>The primary silo's grain factory.</summary>
    public IGrainFactory GrainFactory => Client;

    /// <summary>The primary silo's services.</summary>
    public IServiceProvider Services => Primary.Services;

    /// <summary>The manual clock, when the cluster was built with one.</summary>
    public ManualTimeProvider? TimeProvider => _options.TimeProvider;

    /// <summary>Builds and starts a cluster of <see cref="TestClusterOptions.InitialSilos"/> silos.</summary>
    public static async Task<TestCluster> StartAsync(TestClusterOptions? options = null, CancellationToken cancellationToken = default)
    {
        var cluster = new TestCluster(options ?? new TestClusterOptions());
        try
        {
            for (var i = 0; i < cluster._options.InitialSilos; i++) await cluster.AddSiloAsync(cancellationToken);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>Starts a cluster configured by <paramref name="configureSilo"/>.</summary>
    public static Task<TestCluster> StartAsync(Action<ISiloBuilder> configureSilo) =>
        StartAsync(new TestClusterOptions { ConfigureSilo = configureSilo });

    /// <summary>Starts one more silo; it joins the cluster before this returns.</summary>
    public async Task<TestSilo> AddSiloAsync(CancellationToken cancellationToken = default)
    {
        var host = BuildSilo();
        await host.StartAsync(cancellationToken);
        var silo = new TestSilo(host);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>Stops a silo gracefully: it hands off its activations and leaves the membership table.</summary>
    public async Task StopSiloAsync(TestSilo silo, CancellationToken cancellationToken = default)
    {
        _silos.Remove(silo);
        await silo.Host.StopAsync(cancellationToken);
        silo.Host.Dispose();
    }

    /// <summary>
    /// Kills a silo: its connections drop at once and it never says goodbye, as after SIGKILL; the others
    /// must detect the failure themselves.
    /// </summary>
    public async Task KillSiloAsync(TestSilo silo)
    {
        _silos.Remove(silo);
        await silo.KillAsync();
    }

    /// <summary>Starts an external client connected through the silos' gateways.</summary>
    public async Task<IClusterClient> ConnectClientAsync(CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(_options.Configuration);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseGranaryClient(client => client.UseStaticGateways([.. _silos.Select(s => $"{s.Address.Host}:{s.Address.Port}")]));
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        _clients.Add(host);
        return host.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>Stops the silos gracefully: every activation is deactivated.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        foreach (var client in _clients) await client.StopAsync(cancellationToken);
        foreach (var silo in _silos.AsEnumerable().Reverse().ToArray()) await silo.Host.StopAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        foreach (var client in _clients) client.Dispose();
        foreach (var silo in _silos) silo.Host.Dispose();
        _clients.Clear();
        _silos.Clear();
    }

    private IHost BuildSilo()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // A free port per silo, so clusters of parallel tests never collide.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Granary:Endpoints:SiloPort"] = "0" });
        builder.Configuration.AddInMemoryCollection(_options.Configuration);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (_options.TimeProvider is { } time) builder.Services.AddSingleton<TimeProvider>(time);
        builder.UseGranary(silo =>
        {
            silo.UseInMemoryClustering(_membershipTable);
            silo.Services.AddKeyedSingleton<IGrainStorage>(GrainStorageNames.Default, _storage);
            // Shared like Kafka would be: a partition's next owner resumes where the previous one committed, and
            // explicit subscriptions outlive the silo their pub-sub grain ran on.
            silo.Services.AddSingleton(_streams);
            silo.Services.AddKeyedSingleton<IGrainStorage>(StreamPubSubGrain.StorageName, _storage);
            _options.ConfigureSilo?.Invoke(silo);
        });
        _options.ConfigureServices?.Invoke(builder.Services);
        return builder.Build();
    }
}
