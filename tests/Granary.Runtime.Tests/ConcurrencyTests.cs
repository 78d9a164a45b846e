using Granary.Runtime.Tests.Grains;

namespace Granary.Runtime.Tests;

[Collection(DefaultCluster.Name)]
public sealed class ConcurrencyTests(ClusterFixture fixture)
{
    private Probe Probe => fixture.Probe;

    [Fact]
    public async Task Requests_from_one_caller_run_in_the_order_they_were_sent()
    {
        var grain = fixture.Grains.GetGrain<ITurnGrain>("ordering");
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => grain.Append(i)));
        Assert.Equal(Enumerable.Range(0, 200), await grain.Appended());
    }

    [Fact]
    public async Task A_non_reentrant_grain_runs_one_request_at_a_time()
    {
        var grain = fixture.Grains.GetGrain<ITurnGrain>("one-at-a-time");
        var first = grain.Hold("ordered-a");
        await Probe.Entered("ordered-a");
        var second = grain.Hold("ordered-b");
        var activation = ActivationTests.FindActivation(fixture, grain.GetGrainId());
        await Eventually.True(() => activation.Load == 2, "the second request waits in the queue");
        Assert.False(Probe.IsSignalled("entered:ordered-b"));

        Probe.Open("ordered-a");
        Probe.Open("ordered-b");
        await Task.WhenAll(first, second);
        var events = Probe.Events.Where(e => e.StartsWith("one-at-a-time:", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["one-at-a-time:ordered-a:start", "one-at-a-time:ordered-a:end", "one-at-a-time:ordered-b:start", "one-at-a-time:ordered-b:end"], events);
    }

    [Fact]
    public async Task A_reentrant_grain_interleaves_requests_at_await_points()
    {
        var grain = fixture.Grains.GetGrain<IReentrantTurnGrain>("reentrant");
        var first = grain.Hold("reentrant-a");
        await Probe.Entered("reentrant-a");
        var second = grain.Hold("reentrant-b");
        await Probe.Entered("reentrant-b");
        Probe.Open("reentrant-b");
        await second;
        Assert.False(first.IsCompleted);
        Probe.Open("reentrant-a");
        await first;
    }

    [Fact]
    public async Task Read_only_requests_interleave_with_each_other()
    {
        var grain = fixture.Grains.GetGrain<ITurnGrain>("readers");
        var first = grain.HoldReadOnly("reader-a");
        await Probe.Entered("reader-a");
        var second = grain.HoldReadOnly("reader-b");
        await Probe.Entered("reader-b");
        Probe.Open("reader-a");
        Probe.Open("reader-b");
        await Task.WhenAll(first, second);
    }

    [Fact]
    public async Task A_write_waits_for_running_readers()
    {
        var grain = fixture.Grains.GetGrain<ITurnGrain>("reader-writer");
        var reader = grain.HoldReadOnly("rw-reader");
        await Probe.Entered("rw-reader");
        var writer = grain.Hold("rw-writer");
        var activation = ActivationTests.FindActivation(fixture, grain.GetGrainId());
        await Eventually.True(() => activation.Load == 2, "the writer waits");
        Assert.False(Probe.IsSignalled("entered:rw-writer"));
        Probe.Open("rw-reader");
        Probe.Open("rw-writer");
        await Task.WhenAll(reader, writer);
    }

    [Fact]
    public async Task An_always_interleave_method_runs_while_another_request_holds_the_turn()
    {
        var grain = fixture.Grains.GetGrain<ITurnGrain>("interleave");
        var holding = grain.Hold("interleave-a");
        await Probe.Entered("interleave-a");
        Assert.Equal(0, await grain.Peek());
        Probe.Open("interleave-a");
        await holding;
    }
}
