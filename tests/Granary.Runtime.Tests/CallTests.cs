using Granary.Runtime.Tests.Grains;

namespace Granary.Runtime.Tests;

[Collection(DefaultCluster.Name)]
public sealed class CallTests(ClusterFixture fixture)
{
    private IReturnKindsGrain Grain(string key) => fixture.Grains.GetGrain<IReturnKindsGrain>(key);

    [Fact]
    public async Task Every_task_shape_returns_its_result()
    {
        var grain = Grain("kinds");
        await grain.Plain();
        await grain.PlainValueTask();
        Assert.Equal("hi!", await grain.Text("hi"));
        Assert.Equal(49, await grain.Square(7));
    }

    [Fact]
    public async Task An_async_enumerable_streams_every_item_across_several_batches()
    {
        var items = new List<int>();
        await foreach (var item in Grain("enumerate-all").Range(250, "enum-all")) items.Add(item);
        Assert.Equal(Enumerable.Range(0, 250), items);
        await fixture.Probe.WaitFor("enum-all:disposed");
    }

    [Fact]
    public async Task Stopping_an_enumeration_early_releases_it_on_the_grain()
    {
        var seen = 0;
        await foreach (var item in Grain("enumerate-some").Range(10_000, "enum-some"))
        {
            if (++seen == 150) break;
        }

        await fixture.Probe.WaitFor("enum-some:disposed");
        Assert.Equal(150, seen);
    }

    [Fact]
    public async Task A_one_way_call_returns_before_the_grain_finishes()
    {
        var call = Grain("one-way").Notify("one-way-gate");
        Assert.True(call.IsCompletedSuccessfully);
        await fixture.Probe.Entered("one-way-gate");
        fixture.Probe.Open("one-way-gate");
        await fixture.Probe.WaitFor("one-way-gate:done");
    }

    [Fact]
    public async Task Cancelling_the_callers_token_cancels_the_grain_method()
    {
        using var cancellation = new CancellationTokenSource();
        var call = Grain("cancellable").WaitForCancellation("grain-saw-cancel", cancellation.Token);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await fixture.Probe.WaitFor("grain-saw-cancel");
    }

    [Fact]
    public async Task An_already_cancelled_token_fails_without_a_call()
    {
        var call = Grain("cancelled-early").WaitForCancellation("never", new CancellationToken(canceled: true));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.False(fixture.Probe.IsSignalled("never"));
    }

    [Fact]
    public async Task Exceptions_reach_the_caller_with_type_message_and_the_grains_stack()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => Grain("thrower").Throw("boom"));
        Assert.Equal("boom", failure.Message);
        Assert.Contains("ThrowDeep", failure.StackTrace);
    }

    [Fact]
    public async Task Arguments_and_results_are_copied_between_caller_and_grain()
    {
        var grain = fixture.Grains.GetGrain<IIsolationGrain>("isolation");
        var payload = new Payload { Items = [1] };
        Assert.Equal(2, await grain.MutateAndCount(payload));
        Assert.Equal([1], payload.Items);

        var stored = await grain.Stored();
        stored.Items.Clear();
        Assert.Equal([1, 2, 3], (await grain.Stored()).Items);
    }

    [Fact]
    public async Task Immutable_arguments_are_passed_by_reference()
    {
        var grain = fixture.Grains.GetGrain<IIsolationGrain>("immutable");
        var payload = new Payload { Items = [1] };
        await grain.SameAsLastSeen(new Concurrency.Immutable<Payload>(payload));
        Assert.True(await grain.SameAsLastSeen(new Concurrency.Immutable<Payload>(payload)));
    }

    [Fact]
    public async Task Request_context_flows_to_the_grain_and_onward()
    {
        RequestContext.Set("tenant", "acme");
        try
        {
            var grain = fixture.Grains.GetGrain<IContextGrain>("context-a");
            Assert.Equal("acme", await grain.Read("tenant"));
            Assert.Equal("acme", await grain.ReadVia("context-b", "tenant"));
        }
        finally
        {
            RequestContext.Remove("tenant");
        }
    }

    [Fact]
    public async Task A_grain_calls_back_an_observer_held_by_the_client()
    {
        var observer = new ChatObserver();
        var reference = fixture.Grains.CreateObjectReference<IChatObserver>(observer);
        var room = fixture.Grains.GetGrain<IRoomGrain>("room");
        await room.Join(reference);
        Assert.Equal(1, await room.Say("hello"));
        Assert.Equal(["hello"], observer.Received);

        fixture.Grains.DeleteObjectReference<IChatObserver>(observer);
        await Assert.ThrowsAsync<InvalidOperationException>(() => room.Say("gone"));
    }

    private sealed class ChatObserver : IChatObserver
    {
        public List<string> Received { get; } = [];

        public Task Receive(string message)
        {
            Received.Add(message);
            return Task.CompletedTask;
        }
    }
}
