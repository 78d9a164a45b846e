using Granary.Hosting;
using Granary.Placement;
using Granary.Runtime.Tests.Grains;
using Granary.Storage;
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

    [Fact]
    public async Task A_migrated_grain_keeps_its_in_memory_and_persistent_state_without_a_storage_read()
    {
        var storage = new CountingGrainStorage();
        await using var cluster = await StartWithStorageAsync(storage);
        var grains = Enumerable.Range(0, 20).Select(i => cluster.GrainFactory.GetGrain<IMigratingGrain>($"migrate-{i}")).ToArray();
        foreach (var amount in new[] { 3, 4 }) await Task.WhenAll(grains.Select(g => g.Add(amount)));
        var readsBefore = storage.Reads;
        var (joined, moved) = await JoinAndRebalanceAsync(cluster);
        // Nothing calls meanwhile, so every move must complete: the old silo ends with only the grains it kept.
        await Eventually.True(() => joined.ActivationCount == moved && cluster.Primary.ActivationCount == grains.Length - moved, "the moves to finish");

        foreach (var grain in grains)
        {
            Assert.Equal(7, await grain.InMemory());
            Assert.Equal(7, await grain.Persisted());
        }

        Assert.Equal(readsBefore, storage.Reads);
        // The carried ETag is the stored one, so the moved grains write without a conflict.
        await Task.WhenAll(grains.Select(g => g.Add(1)));
        foreach (var grain in grains) Assert.Equal(8, await grain.Persisted());
        foreach (var grain in grains) Assert.Equal(1, cluster.Silos.Count(s => s.HasActivation(grain.GetGrainId())));
    }

    [Fact]
    public async Task Calls_made_while_grains_migrate_succeed_and_see_the_acknowledged_state()
    {
        var storage = new CountingGrainStorage();
        await using var cluster = await StartWithStorageAsync(storage);
        var grains = Enumerable.Range(0, 20).Select(i => cluster.GrainFactory.GetGrain<IMigratingGrain>($"busy-{i}")).ToArray();
        await Task.WhenAll(grains.Select(g => g.Add(5)));
        await JoinAndRebalanceAsync(cluster);

        // Issued at once, while the moved activations drain, transfer and rehydrate.
        await Task.WhenAll(grains.Select(g => g.Add(1)));
        foreach (var grain in grains) Assert.Equal(6, await grain.Persisted());
        foreach (var grain in grains) Assert.Equal(1, cluster.Silos.Count(s => s.HasActivation(grain.GetGrainId())));
    }

    [Fact]
    public async Task A_grain_without_the_participant_still_moves_with_its_persistent_state()
    {
        await using var cluster = await TestCluster.StartAsync(ClusterFixture.Options(new Probe()));
        var grains = Enumerable.Range(0, 20).Select(i => cluster.GrainFactory.GetGrain<IStateGrain>($"plain-{i}")).ToArray();
        await Task.WhenAll(grains.Select(g => g.SetName("before")));
        var (joined, moved) = await JoinAndRebalanceAsync(cluster);
        await Eventually.True(() => joined.ActivationCount == moved, "the moves to finish");

        await Task.WhenAll(grains.Select(g => g.SetName("after")));
        foreach (var grain in grains)
        {
            var state = await grain.Get();
            Assert.Equal(("after", 2), (state.Name, state.Visits));
        }
    }

    private static Task<TestCluster> StartWithStorageAsync(CountingGrainStorage storage) =>
        TestCluster.StartAsync(ClusterFixture.Options(new Probe(), silo: s => s.Services.AddKeyedSingleton<IGrainStorage>(CountingGrainStorage.Name, storage)));

    private static async Task<(TestSilo Joined, int Moved)> JoinAndRebalanceAsync(TestCluster cluster)
    {
        var joined = await cluster.AddSiloAsync();
        await Eventually.True(() => cluster.Silos.All(s => s.ActiveSiloCount == 2), "two active silos");
        var moved = cluster.Primary.Services.GetRequiredService<ActivationRebalancer>().RebalanceOnce();
        Assert.InRange(moved, 1, 10);
        return (joined, moved);
    }
}
