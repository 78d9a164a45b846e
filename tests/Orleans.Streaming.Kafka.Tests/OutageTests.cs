using Orleans.Streaming.Kafka.Tests.Fixtures;
using Orleans.Streaming.Kafka.Tests.Grains;

namespace Orleans.Streaming.Kafka.Tests;

public sealed class OutageKafkaCluster() : KafkaCluster(2);

[CollectionDefinition(Name)]
public sealed class OutageCollection : ICollectionFixture<OutageKafkaCluster>
{
    public const string Name = "outage kafka cluster";
}

/// <summary>While the broker is down publishing waits; when it is back nothing acknowledged is lost and order holds.</summary>
[Collection(OutageCollection.Name)]
public sealed class OutageTests(OutageKafkaCluster kafka)
{
    [Fact]
    public async Task Events_published_while_the_broker_is_down_arrive_in_order_once_it_is_back()
    {
        var key = "outage-" + Guid.NewGuid().ToString("N");
        var stream = kafka.Stream(TestStreams.Orders, key);
        for (var i = 0; i < 3; i++) await stream.OnNextAsync(new TestEvent($"{i}"));
        await EffectLog.For(key).WaitForCount(3);

        kafka.Kafka.SetDown();
        var publishing = Task.Run(async () =>
        {
            for (var i = 3; i < 10; i++) await stream.OnNextAsync(new TestEvent($"{i}"));
        });
        // Observing an absence: for a second of outage, no publish is acknowledged.
        var first = await Task.WhenAny(publishing, Task.Delay(TimeSpan.FromSeconds(1)));
        Assert.NotSame(publishing, first);
        kafka.Kafka.SetUp();
        await publishing;

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"{i}"), await EffectLog.For(key).WaitForCount(10, TimeSpan.FromSeconds(60)));
    }
}
