using Confluent.Kafka;
using Orleans.Streaming.Kafka.Kafka;
using Orleans.Streaming.Kafka.Tests.Fixtures;
using Orleans.Streaming.Kafka.Tests.Grains;

namespace Orleans.Streaming.Kafka.Tests;

/// <summary>Subscriptions that start before the cache are served by reading Kafka back, then join the live stream.</summary>
[Collection(SharedKafkaCollection.Name)]
public sealed class RewindTests(SharedKafkaCluster kafka)
{
    [Fact]
    public async Task A_subscription_from_a_token_the_cache_dropped_gets_every_event_from_there_then_live_ones()
    {
        var key = "rewind-token-" + Guid.NewGuid().ToString("N");
        var stream = kafka.Stream(TestStreams.Orders, key);
        for (var i = 0; i < 10; i++) await stream.OnNextAsync(new TestEvent($"{i}"));
        await EffectLog.For(key).WaitForCount(10);
        var offsets = EffectLog.For(key).Offsets;
        await WaitUntilCommittedPast(TestStreams.Orders, key, offsets[^1]);

        var reader = "reader-" + key;
        await kafka.Client.GetGrain<IRewindGrain>(reader).SubscribeFrom(TestStreams.Orders, key, KafkaSequenceToken.FromOffset(offsets[3]));
        for (var i = 10; i < 13; i++) await stream.OnNextAsync(new TestEvent($"{i}"));

        Assert.Equal(Enumerable.Range(3, 10).Select(i => $"{i}"), await EffectLog.For(reader).WaitForCount(10));
        Assert.Equal(10, EffectLog.For(reader).Deliveries);
    }

    [Fact]
    public async Task A_subscription_from_earliest_reads_the_partition_from_its_start()
    {
        var key = "rewind-earliest-" + Guid.NewGuid().ToString("N");
        var stream = kafka.Stream(TestStreams.Rewind, key);
        for (var i = 0; i < 5; i++) await stream.OnNextAsync(new TestEvent($"{i}"));

        var reader = "reader-" + key;
        await kafka.Client.GetGrain<IRewindGrain>(reader).SubscribeFrom(TestStreams.Rewind, key, KafkaSequenceToken.Earliest);
        await stream.OnNextAsync(new TestEvent("5"));

        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"{i}"), await EffectLog.For(reader).WaitForCount(6));
        Assert.Equal(6, EffectLog.For(reader).Deliveries);
    }

    [Fact]
    public async Task A_subscription_from_a_time_starts_at_the_first_event_published_after_it()
    {
        var key = "rewind-time-" + Guid.NewGuid().ToString("N");
        var stream = kafka.Stream(TestStreams.Rewind, key);
        for (var i = 0; i < 4; i++) await stream.OnNextAsync(new TestEvent($"before-{i}"));
        var from = await NextMillisecond();
        for (var i = 0; i < 4; i++) await stream.OnNextAsync(new TestEvent($"after-{i}"));

        var reader = "reader-" + key;
        await kafka.Client.GetGrain<IRewindGrain>(reader).SubscribeFrom(TestStreams.Rewind, key, KafkaSequenceToken.FromTime(from));
        await stream.OnNextAsync(new TestEvent("live"));

        Assert.Equal(["after-0", "after-1", "after-2", "after-3", "live"], await EffectLog.For(reader).WaitForCount(5));
    }

    // Kafka timestamps are whole milliseconds: the boundary must not share one with an event before it.
    private static async Task<DateTimeOffset> NextMillisecond()
    {
        var now = DateTimeOffset.UtcNow;
        var next = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds() + 1);
        await Task.Delay(next - now + TimeSpan.FromMilliseconds(1));
        return next;
    }

    private async Task WaitUntilCommittedPast(string streamNamespace, string key, long offset)
    {
        // The commit follows the purge: once it passed the offset, the cache no longer holds those events.
        var partition = new TopicPartition(streamNamespace, KafkaPartitioner.Partition(System.Text.Encoding.UTF8.GetBytes(key), TestStreams.Partitions));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (KafkaProbe.Committed(kafka.Kafka.BootstrapServers, "orleans." + TestStreams.Provider, partition) <= offset)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Offset {offset} of {partition} was not committed in time.");
            await Task.Delay(100);
        }
    }
}
