using Granary.Placement;
using Granary.Runtime.Tests.Grains;
using Granary.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Runtime.Tests.Cluster;

public sealed class RebalancingTests
{
    [Fact]
    public async Task After_a_silo_joins_idle_activations_move_toward_it_without_failing_a_call()
    {
        var options = ClusterFixture.Options(new Probe());
        await using var cluster = await TestCluster.StartAsync(options);
        var grains = Enumerable.Range(0, 60).Select(i => cluster.GrainFactory.GetGrain<ICounterGrain>($"rebalance-{i}")).ToArray();
        await Task.WhenAll(grains.Select(g => g.Add(1)));
        var joined = await cluster.AddSiloAsync();
        await Eventually.True(() => cluster.Silos.All(s => s.ActiveSiloCount == 2), "two active silos");

        var moved = cluster.Primary.Services.GetRequiredService<ActivationRebalancer>().RebalanceOnce();
        Assert.InRange(moved, 1, 30);
        await Task.WhenAll(grains.Select(g => g.Get().AsTask()));

        Assert.True(joined.ActivationCount > 0, "nothing moved to the new silo");
        Assert.Equal(60, cluster.Silos.Sum(s => s.ActivationCount));
        foreach (var grain in grains) Assert.Equal(1, cluster.Silos.Count(s => s.HasActivation(grain.GetGrainId())));
    }

    [Fact]
    public async Task A_balanced_cluster_moves_nothing()
    {
        var options = ClusterFixture.Options(new Probe());
        options.InitialSilos = 2;
        await using var cluster = await TestCluster.StartAsync(options);
        await Eventually.True(() => cluster.Silos.All(s => s.ActiveSiloCount == 2), "two active silos");
        Assert.Equal(0, cluster.Primary.Services.GetRequiredService<ActivationRebalancer>().RebalanceOnce());
    }
}
