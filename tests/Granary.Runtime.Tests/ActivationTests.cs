using Granary.Catalog;
using Granary.Runtime.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Runtime.Tests;

[Collection(DefaultCluster.Name)]
public sealed class ActivationTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Concurrent_first_calls_create_exactly_one_activation()
    {
        var grain = fixture.Grains.GetGrain<ILifecycleGrain>("single-activation");
        var calls = Enumerable.Range(0, 500).Select(_ => Task.Run(() => grain.InstanceId())).ToArray();
        var ids = await Task.WhenAll(calls);
        Assert.Single(ids.Distinct());
        Assert.Equal(1, fixture.Probe.Count("activated:single-activation"));
    }

    [Fact]
    public async Task Every_key_shape_reaches_the_grain_with_its_key()
    {
        var guid = Guid.NewGuid();
        Assert.Equal("k:ey+x", await fixture.Grains.GetGrain<IStringKeyGrain>("k:ey+x").Describe());
        Assert.Equal(guid, await fixture.Grains.GetGrain<IGuidKeyGrain>(guid).Key());
        Assert.Equal(-42, await fixture.Grains.GetGrain<ILongKeyGrain>(-42).Key());
        Assert.Equal($"{guid}|ext+ra", await fixture.Grains.GetGrain<IGuidCompoundKeyGrain>(guid, "ext+ra").Describe());
        Assert.Equal("7|x", await fixture.Grains.GetGrain<ILongCompoundKeyGrain>(7, "x").Describe());
    }

    [Fact]
    public void References_expose_their_keys_without_a_call()
    {
        var guid = Guid.NewGuid();
        Assert.Equal(guid, fixture.Grains.GetGrain<IGuidCompoundKeyGrain>(guid, "e").GetPrimaryKey(out var extension));
        Assert.Equal("e", extension);
        Assert.Equal(12, fixture.Grains.GetGrain<ILongKeyGrain>(12).GetPrimaryKeyLong());
        Assert.Equal(fixture.Grains.GetGrain<ICounterGrain>("x"), fixture.Grains.GetGrain<ICounterGrain>("x"));
    }

    [Fact]
    public async Task A_failed_activation_fails_the_waiting_calls_and_the_next_call_activates_again()
    {
        var grain = fixture.Grains.GetGrain<IFlakyActivationGrain>("flaky-1");
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Hello());
        Assert.Equal("first activation fails", failure.Message);
        Assert.Equal("hello", await grain.Hello());
    }

    [Fact]
    public async Task DeactivateOnIdle_runs_OnDeactivateAsync_and_the_next_call_gets_a_new_activation()
    {
        var grain = fixture.Grains.GetGrain<ILifecycleGrain>("deactivate-on-idle");
        var first = await grain.InstanceId();
        await grain.DeactivateSoon();
        await fixture.Probe.WaitFor("deactivated:deactivate-on-idle:1");
        Assert.NotEqual(first, await grain.InstanceId());
        Assert.Contains("deactivate-on-idle:deactivate:ApplicationRequested", fixture.Probe.Events);
    }

    [Fact]
    public async Task Calls_arriving_during_deactivation_are_served_by_a_new_activation()
    {
        var grain = fixture.Grains.GetGrain<ILifecycleGrain>("redirect-during-deactivation");
        var first = await grain.InstanceId();
        await grain.DeactivateSoon();
        var afterwards = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => grain.InstanceId()));
        Assert.DoesNotContain(first, afterwards.Skip(1));
        Assert.Single(afterwards.Skip(1).Distinct());
    }

    [Fact]
    public async Task Stateless_workers_scale_out_to_their_limit_on_one_silo()
    {
        var worker = fixture.Grains.GetGrain<IWorkerGrain>("pool");
        var calls = Enumerable.Range(0, 8).Select(i => worker.HoldAndIdentify($"worker-gate-{i}")).ToArray();
        await Eventually.True(() => fixture.Probe.Count("worker-entered:pool") == 4, "four workers are busy");
        for (var i = 0; i < 8; i++) fixture.Probe.Open($"worker-gate-{i}");
        var workers = await Task.WhenAll(calls);
        Assert.Equal(4, workers.Distinct().Count());
        Assert.Equal(8, fixture.Probe.Count("worker-entered:pool"));
    }

    [Fact]
    public async Task Unknown_grain_types_fail_with_a_clear_message()
    {
        var reference = fixture.Grains.GetGrain<ICounterGrain>(GrainId.Create("no-such-type", "1"));
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => reference.Get().AsTask());
        Assert.Contains("no-such-type", failure.Message);
    }

    internal static ActivationData FindActivation(ClusterFixture fixture, GrainId grainId) =>
        fixture.Cluster.Services.GetRequiredService<GrainCatalog>().Activations.Single(a => a.GrainId == grainId);
}
