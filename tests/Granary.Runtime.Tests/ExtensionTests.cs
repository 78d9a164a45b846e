using Granary.Hosting;
using Granary.Runtime.Tests.Grains;
using Granary.Testing;

namespace Granary.Runtime.Tests;

public sealed class ExtensionTests
{
    [Fact]
    public async Task An_extension_is_served_by_one_component_per_activation_of_any_grain_class()
    {
        var options = ClusterFixture.Options(new Probe(), silo: silo => silo.AddGrainExtension<ICountingExtension, CountingExtension>());
        await using var cluster = await TestCluster.StartAsync(options);
        var host = cluster.GrainFactory.GetGrain<ITurnGrain>("extended");
        var extension = cluster.GrainFactory.GetGrain<ICountingExtension>(host.GetGrainId());
        Assert.Equal("turn/extended:1", await extension.Count());
        Assert.Equal("turn/extended:2", await extension.Count());

        var other = cluster.GrainFactory.GetGrain<ICountingExtension>(cluster.GrainFactory.GetGrain<ITurnGrain>("other").GetGrainId());
        Assert.Equal("turn/other:1", await other.Count());
    }

    [Fact]
    public async Task Calling_an_extension_nobody_registered_fails_with_its_name()
    {
        await using var cluster = await TestCluster.StartAsync(ClusterFixture.Options(new Probe()));
        var extension = cluster.GrainFactory.GetGrain<ICountingExtension>(cluster.GrainFactory.GetGrain<ITurnGrain>("bare").GetGrainId());
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => extension.Count());
        Assert.Contains(nameof(ICountingExtension), failure.Message);
    }
}
