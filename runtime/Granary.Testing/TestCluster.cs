using Granary.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Granary.Testing;

/// <summary>How a <see cref="TestCluster"/> is built.</summary>
public sealed class TestClusterOptions
{
    /// <summary>Extra silo configuration; the silo already has localhost clustering and a default memory storage.</summary>
    public Action<ISiloBuilder>? ConfigureSilo { get; set; }

    /// <summary>Extra services.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>Configuration values (for example <c>Granary:Messaging:ResponseTimeout</c>).</summary>
    public Dictionary<string, string?> Configuration { get; } = [];

    /// <summary>A manual clock for the silo's timers, timeouts and idle collection; null uses the system clock.</summary>
    public ManualTimeProvider? TimeProvider { get; set; }
}

/// <summary>
/// An in-process cluster for tests: a silo in a generic host, reachable through <see cref="Client"/>.
/// Share one per xUnit collection through a fixture; start one per test when a test needs its own clock.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly IHost _host;

    private TestCluster(IHost host, ManualTimeProvider? time)
    {
        _host = host;
        TimeProvider = time;
    }

    /// <summary>The silo's client: creates grain references.</summary>
    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>The silo's grain factory.</summary>
    public IGrainFactory GrainFactory => Client;

    /// <summary>The silo's services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>The manual clock, when the cluster was built with one.</summary>
    public ManualTimeProvider? TimeProvider { get; }

    /// <summary>Builds and starts a cluster.</summary>
    public static async Task<TestCluster> StartAsync(TestClusterOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new TestClusterOptions();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // A free port per silo, so clusters of parallel tests never collide.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Granary:Endpoints:SiloPort"] = "0" });
        builder.Configuration.AddInMemoryCollection(options.Configuration);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (options.TimeProvider is { } time) builder.Services.AddSingleton<TimeProvider>(time);
        builder.UseGranary(silo =>
        {
            silo.UseLocalhostClustering();
            silo.AddMemoryGrainStorage();
            options.ConfigureSilo?.Invoke(silo);
        });
        options.ConfigureServices?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new TestCluster(host, options.TimeProvider);
    }

    /// <summary>Starts a cluster configured by <paramref name="configureSilo"/>.</summary>
    public static Task<TestCluster> StartAsync(Action<ISiloBuilder> configureSilo) =>
        StartAsync(new TestClusterOptions { ConfigureSilo = configureSilo });

    /// <summary>Stops the silo gracefully: every activation is deactivated.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _host.StopAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
