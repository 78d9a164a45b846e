using Orleans.Streaming.Kafka.Tests.Fixtures;
using Orleans.Streaming.Kafka.Tests.Grains;

namespace Orleans.Streaming.Kafka.Tests;

public sealed class FailoverKafkaCluster() : KafkaCluster(3);

[CollectionDefinition(Name)]
public sealed class FailoverCollection : ICollectionFixture<FailoverKafkaCluster>
{
    public const string Name = "failover kafka cluster";
}

/// <summary>Partitions move to the surviving silos, which resume at the committed offsets.</summary>
[Collection(FailoverCollection.Name)]
public sealed class FailoverTests(FailoverKafkaCluster kafka)
{
    private const int PerPhase = 20;

    [Fact]
    public async Task When_a_silo_dies_and_another_leaves_every_event_still_takes_effect_once_and_in_order()
    {
        var keys = Enumerable.Range(0, 8).Select(i => $"failover-{Guid.NewGuid():N}-{i}").ToArray();
        await PublishAsync(keys, 0);
        foreach (var key in keys) await EffectLog.For(key).WaitForCount(PerPhase);

        // Killed: no shutdown, no final commit; its partitions' events since the last commit are read again.
        await kafka.Cluster.KillSiloAsync(kafka.Cluster.Silos[1]);
        await PublishAsync(keys, PerPhase);
        foreach (var key in keys) await EffectLog.For(key).WaitForCount(2 * PerPhase, TimeSpan.FromSeconds(60));

        // Stopped: its agents shut down and commit before the partitions move.
        await kafka.Cluster.StopSiloAsync(kafka.Cluster.Silos[^1]);
        await PublishAsync(keys, 2 * PerPhase);

        var expected = Enumerable.Range(0, 3 * PerPhase).Select(i => $"{i}").ToArray();
        foreach (var key in keys)
        {
            Assert.Equal(expected, await EffectLog.For(key).WaitForCount(3 * PerPhase, TimeSpan.FromSeconds(60)));
            Assert.True(EffectLog.For(key).Deliveries >= expected.Length);
        }
    }

    private Task PublishAsync(string[] keys, int from) => Task.WhenAll(keys.Select(async key =>
    {
        var stream = kafka.Stream(TestStreams.Orders, key);
        for (var i = from; i < from + PerPhase; i++) await stream.OnNextAsync(new TestEvent($"{i}"));
    }));
}
