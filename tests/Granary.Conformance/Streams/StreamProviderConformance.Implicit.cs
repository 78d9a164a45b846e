using System.Diagnostics;
using Granary.Conformance.Streams.Grains;
using Granary.Streams;

namespace Granary.Conformance.Streams;

public abstract partial class StreamProviderConformance
{
    [Fact]
    public async Task Events_of_each_stream_reach_the_implicit_subscriber_in_publication_order()
    {
        var keys = Enumerable.Range(0, 5).Select(_ => NewKey()).ToArray();
        const int perStream = 40;
        for (var i = 0; i < perStream; i++)
        {
            foreach (var key in keys) await Stream(ConformanceNamespaces.Implicit, key).OnNextAsync(i);
        }

        var expected = Enumerable.Range(0, perStream).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var key in keys) Assert.Equal(expected, await Probe.WaitForCount(key, perStream));
    }

    [Fact]
    public async Task An_implicit_subscription_activates_the_grain_with_the_stream_key_once()
    {
        var key = NewKey();
        await PublishAsync(ConformanceNamespaces.Implicit, key, 1, 2, 3);
        Assert.Equal(Items(1, 2, 3), await Probe.WaitForCount(key, 3));
        Assert.Equal(1, Probe.Count("activations:" + key));
    }

    [Fact]
    public async Task A_grain_publishes_and_a_batch_keeps_its_order()
    {
        var key = NewKey();
        await Client.GetGrain<IProducerGrain>(NewKey()).Publish(ConformanceNamespaces.Implicit, key, 0, 3);
        await Stream(ConformanceNamespaces.Implicit, key).OnNextBatchAsync([3, 4, 5]);
        Assert.Equal(Items(0, 1, 2, 3, 4, 5), await Probe.WaitForCount(key, 6));
    }

    [Fact]
    public async Task Tokens_grow_with_every_event_of_a_stream()
    {
        var key = NewKey();
        await PublishAsync(ConformanceNamespaces.Implicit, key, 1, 2, 3, 4);
        var tokens = await Probe.WaitForCount("tokens:" + key, 4);
        Assert.DoesNotContain("none", tokens);
        Assert.Equal(tokens.Count, tokens.Distinct().Count());
    }

    [Fact]
    public async Task Errors_and_completion_reach_the_subscriber_in_order_with_the_items()
    {
        var key = NewKey();
        var stream = Stream(ConformanceNamespaces.Implicit, key);
        await stream.OnNextAsync(1);
        await stream.OnErrorAsync(new InvalidOperationException("boom"));
        await stream.OnCompletedAsync();
        Assert.Equal(["1", "error:boom", "completed"], await Probe.WaitForCount(key, 3));
    }

    [Fact]
    public async Task Events_carry_the_publishers_trace_context_to_the_subscriber()
    {
        var key = NewKey();
        using (var publish = new Activity("conformance-publish").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            await Stream(ConformanceNamespaces.Implicit, key).OnNextAsync(7);
            var traces = await Probe.WaitForCount("traces:" + key, 1);
            Assert.Contains(publish.TraceId.ToHexString(), traces[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Subscribing_needs_a_grain_and_says_so()
    {
        var failure = await Assert.ThrowsAsync<NotSupportedException>(() =>
            Stream(ConformanceNamespaces.Explicit, NewKey()).SubscribeAsync((_, _) => Task.CompletedTask));
        Assert.Contains("GetStreamProvider", failure.Message, StringComparison.Ordinal);
    }
}
