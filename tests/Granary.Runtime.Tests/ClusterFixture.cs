using Granary.Hosting;
using Granary.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Runtime.Tests;

/// <summary>One silo shared by the tests of the default collection; each test uses its own grain keys.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public Probe Probe { get; } = new();

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public static TestClusterOptions Options(Probe probe, ManualTimeProvider? time = null, Action<ISiloBuilder>? silo = null)
    {
        var options = new TestClusterOptions
        {
            TimeProvider = time,
            ConfigureSilo = silo,
            ConfigureServices = services => services.AddSingleton(probe),
        };
        return options;
    }

    public async Task InitializeAsync() => Cluster = await TestCluster.StartAsync(Options(Probe));

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class DefaultCluster : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Default cluster";
}
