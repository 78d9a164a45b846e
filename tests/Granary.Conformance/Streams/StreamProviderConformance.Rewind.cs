using Granary.Conformance.Streams.Grains;
using Granary.Streams;

namespace Granary.Conformance.Streams;

public abstract partial class StreamProviderConformance
{
    [Fact]
    public async Task A_subscription_from_the_earliest_position_gets_the_retained_past_then_the_live_events()
    {
        var stream = NewKey();
        await PublishAsync(ConformanceNamespaces.Explicit, stream, 1, 2, 3);
        var key = NewKey();
        await Client.GetGrain<IExplicitSubscriberGrain>(key).Subscribe(stream, SubscribeFrom.Earliest);
        Assert.Equal(Items(1, 2, 3), ItemsOf(await Probe.WaitForCount(key, 3)));
        await PublishAsync(ConformanceNamespaces.Explicit, stream, 4);
        Assert.Equal(Items(1, 2, 3, 4), ItemsOf(await Probe.WaitForCount(key, 4)));
    }

    [Fact]
    public async Task A_subscription_from_a_token_starts_at_that_event()
    {
        var stream = NewKey();
        var witness = NewKey();
        await Client.GetGrain<IExplicitSubscriberGrain>(witness).Subscribe(stream, SubscribeFrom.Latest);
        await PublishAsync(ConformanceNamespaces.Explicit, stream, 1, 2, 3, 4, 5);
        var seen = await Probe.WaitForCount(witness, 5);
        var third = long.Parse(seen[2].Split('@')[1], System.Globalization.CultureInfo.InvariantCulture);

        var key = NewKey();
        await Client.GetGrain<IExplicitSubscriberGrain>(key).Subscribe(stream, new SubscribeFrom(StreamPositionKind.Token, third));
        Assert.Equal(Items(3, 4, 5), ItemsOf(await Probe.WaitForCount(key, 3)));
    }

    [Fact]
    public async Task A_subscription_from_a_time_starts_at_the_first_event_published_then()
    {
        var stream = NewKey();
        var witness = NewKey();
        await Client.GetGrain<IExplicitSubscriberGrain>(witness).Subscribe(stream, SubscribeFrom.Latest);
        await PublishAsync(ConformanceNamespaces.Explicit, stream, 1, 2);
        // The first events must be delivered before the clock jumps: a jump past the response timeout expires a
        // delivery still in flight, and its retry then waits on a clock that no longer moves.
        await Probe.WaitForCount(witness, 2);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var from = Clock.GetUtcNow();
        await PublishAsync(ConformanceNamespaces.Explicit, stream, 3, 4);

        var key = NewKey();
        await Client.GetGrain<IExplicitSubscriberGrain>(key).Subscribe(stream, new SubscribeFrom(StreamPositionKind.Time, Time: from));
        Assert.Equal(Items(3, 4), ItemsOf(await Probe.WaitForCount(key, 2)));
    }

    [Fact]
    public async Task A_rewinding_subscriber_does_not_make_others_see_events_twice()
    {
        var stream = NewKey();
        var live = NewKey();
        await Client.GetGrain<IExplicitSubscriberGrain>(live).Subscribe(stream, SubscribeFrom.Latest);
        await PublishAsync(ConformanceNamespaces.Explicit, stream, 1, 2);
        await Probe.WaitForCount(live, 2);

        var rewinding = NewKey();
        await Client.GetGrain<IExplicitSubscriberGrain>(rewinding).Subscribe(stream, SubscribeFrom.Earliest);
        await Probe.WaitForCount(rewinding, 2);
        await PublishAsync(ConformanceNamespaces.Explicit, stream, 3);
        Assert.Equal(Items(1, 2, 3), ItemsOf(await Probe.WaitForCount(rewinding, 3)));
        Assert.Equal(Items(1, 2, 3), ItemsOf(await Probe.WaitForCount(live, 3)));
    }

    [Fact]
    public async Task A_subscriber_rewinding_while_events_flow_sees_each_event_once_in_order()
    {
        var stream = NewKey();
        var live = NewKey();
        await Client.GetGrain<IExplicitSubscriberGrain>(live).Subscribe(stream, SubscribeFrom.Latest);
        await PublishAsync(ConformanceNamespaces.Explicit, stream, [.. Enumerable.Range(1, 20)]);

        var rewinding = NewKey();
        var publishing = PublishAsync(ConformanceNamespaces.Explicit, stream, [.. Enumerable.Range(21, 20)]);
        await Client.GetGrain<IExplicitSubscriberGrain>(rewinding).Subscribe(stream, SubscribeFrom.Earliest);
        await publishing;

        var expected = Items([.. Enumerable.Range(1, 40)]);
        Assert.Equal(expected, ItemsOf(await Probe.WaitForCount(live, 40)));
        Assert.Equal(expected, ItemsOf(await Probe.WaitForCount(rewinding, 40)));
        await PublishAsync(ConformanceNamespaces.Explicit, stream, 41);
        var after = ItemsOf(await Probe.WaitForCount(rewinding, 41));
        Assert.Equal(Items([.. Enumerable.Range(1, 41)]), after);
    }
}
