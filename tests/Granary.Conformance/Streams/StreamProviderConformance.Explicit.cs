using Granary.Conformance.Streams.Grains;

namespace Granary.Conformance.Streams;

public abstract partial class StreamProviderConformance
{
    [Fact]
    public async Task An_explicit_subscriber_gets_the_events_published_after_it_subscribed()
    {
        var stream = NewKey();
        var subscriber = Client.GetGrain<IExplicitSubscriberGrain>(NewKey());
        await PublishAsync(ConformanceNamespaces.Explicit, stream, 1);
        await subscriber.Subscribe(stream, SubscribeFrom.Latest);
        await PublishAsync(ConformanceNamespaces.Explicit, stream, 2, 3);
        Assert.Equal(Items(2, 3), ItemsOf(await Probe.WaitForCount(subscriber.GetPrimaryKeyString(), 2)));
        Assert.Equal(1, await subscriber.HandleCount(stream));
    }

    [Fact]
    public async Task An_explicit_subscription_survives_deactivation_and_is_resumed_by_the_next_activation()
    {
        var stream = NewKey();
        var key = NewKey();
        var subscriber = Client.GetGrain<IExplicitSubscriberGrain>(key);
        await subscriber.Subscribe(stream, SubscribeFrom.Latest);
        await PublishAsync(ConformanceNamespaces.Explicit, stream, 1);
        await Probe.WaitForCount(key, 1);

        await subscriber.Deactivate();
        await Probe.WaitFor("deactivated:" + key, "yes");
        await PublishAsync(ConformanceNamespaces.Explicit, stream, 2);
        Assert.Equal(Items(1, 2), ItemsOf(await Probe.WaitForCount(key, 2)));
        Assert.Equal(2, Probe.Count("activations:" + key));
    }

    [Fact]
    public async Task After_unsubscribing_a_grain_gets_nothing_while_other_subscribers_go_on()
    {
        var stream = NewKey();
        var (leaving, staying) = (NewKey(), NewKey());
        await Client.GetGrain<IExplicitSubscriberGrain>(leaving).Subscribe(stream, SubscribeFrom.Latest);
        await Client.GetGrain<IExplicitSubscriberGrain>(staying).Subscribe(stream, SubscribeFrom.Latest);
        await PublishAsync(ConformanceNamespaces.Explicit, stream, 1);
        await Probe.WaitForCount(leaving, 1);
        await Probe.WaitForCount(staying, 1);

        await Client.GetGrain<IExplicitSubscriberGrain>(leaving).UnsubscribeAll(stream);
        Assert.Equal(0, await Client.GetGrain<IExplicitSubscriberGrain>(leaving).HandleCount(stream));
        await PublishAsync(ConformanceNamespaces.Explicit, stream, 2);
        await Probe.WaitForCount(staying, 2);
        // A later event is read in a later batch, so once it arrived the batch holding 2 was fully delivered.
        await PublishAsync(ConformanceNamespaces.Explicit, stream, 3);
        await Probe.WaitForCount(staying, 3);
        Assert.Equal(Items(1), ItemsOf(Probe.Seen(leaving)));
    }
}
