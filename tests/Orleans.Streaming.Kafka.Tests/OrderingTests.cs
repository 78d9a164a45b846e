using Orleans.Streaming.Kafka.Tests.Fixtures;
using Orleans.Streaming.Kafka.Tests.Grains;

namespace Orleans.Streaming.Kafka.Tests;

[Collection(SharedKafkaCollection.Name)]
public sealed class OrderingTests(SharedKafkaCluster kafka)
{
    [Fact]
    public async Task Every_stream_receives_its_events_in_publish_order()
    {
        var keys = Enumerable.Range(0, 8).Select(i => $"order-{Guid.NewGuid():N}-{i}").ToArray();
        // Streams are published concurrently; each stream's events one after another, as a producer would.
        await Task.WhenAll(keys.Select(async key =>
        {
            var stream = kafka.Stream(TestStreams.Orders, key);
            for (var i = 0; i < 25; i++) await stream.OnNextAsync(new TestEvent($"{i}"));
        }));

        foreach (var key in keys)
        {
            var applied = await EffectLog.For(key).WaitForCount(25);
            Assert.Equal(Enumerable.Range(0, 25).Select(i => $"{i}"), applied);
            var offsets = EffectLog.For(key).Offsets;
            Assert.Equal(offsets.Order(), offsets);
        }
    }
}
