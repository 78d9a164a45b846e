using System.Text;
using Confluent.Kafka;
using Orleans.Streaming.Kafka.Kafka;
using Orleans.Streaming.Kafka.Tests.Fixtures;
using Orleans.Streaming.Kafka.Tests.Grains;

namespace Orleans.Streaming.Kafka.Tests;

/// <summary>
/// The event-type header names an event by its Orleans alias, so renaming a class does not strand its records; the
/// CLR names written before still resolve, and a name nobody knows leaves the subscriber's own item type.
/// </summary>
[Collection(SharedKafkaCollection.Name)]
public sealed class EventTypeHeaderTests(SharedKafkaCluster kafka)
{
    [Fact]
    public async Task An_aliased_event_is_published_under_its_alias_and_reaches_its_subscriber_as_that_type()
    {
        var key = "alias-" + Guid.NewGuid().ToString("N");
        await kafka.Stream(TestStreams.Orders, key).OnNextAsync(new StampedEvent("aliased", "stamp"));

        Assert.Equal(["aliased (stamp)"], await EffectLog.For(key).WaitForCount(1));
        var record = KafkaProbe.WaitForRecord(kafka.Kafka.BootstrapServers, TestStreams.Orders, TestStreams.Partitions, r => Key(r) == key);
        Assert.Equal(EventTypeHeaders.StampedEvent, record.Header(KafkaStreamHeaders.EventType));
    }

    [Fact]
    public async Task A_record_written_with_the_clr_type_name_before_aliases_reaches_its_subscriber_as_that_type()
    {
        var key = "clr-name-" + Guid.NewGuid().ToString("N");
        await ProduceAsync(TestStreams.Orders, key, """{"value":"old","stamp":"clr"}""", EventTypeHeaders.StampedEventClrName);

        Assert.Equal(["old (clr)"], await EffectLog.For(key).WaitForCount(1));
    }

    [Fact]
    public async Task A_rewind_over_records_written_with_clr_type_names_delivers_them_as_those_types()
    {
        var key = "clr-rewind-" + Guid.NewGuid().ToString("N");
        await ProduceAsync(TestStreams.Rewind, key, """{"value":"0","stamp":"clr"}""", EventTypeHeaders.StampedEventClrName);
        await kafka.Stream(TestStreams.Rewind, key).OnNextAsync(new StampedEvent("1", "alias"));

        var reader = "reader-" + key;
        await kafka.Client.GetGrain<IRewindGrain>(reader).SubscribeFrom(TestStreams.Rewind, key, KafkaSequenceToken.Earliest);

        Assert.Equal(["0 (clr)", "1 (alias)"], await EffectLog.For(reader).WaitForCount(2));
    }

    [Fact]
    public async Task A_record_naming_an_unknown_type_reaches_its_subscriber_as_the_subscribed_type()
    {
        var key = "unknown-type-" + Guid.NewGuid().ToString("N");
        await ProduceAsync(TestStreams.Orders, key, """{"value":"renamed","stamp":"lost"}""", "kafka-tests.RenamedAway");
        await ProduceAsync(TestStreams.Orders, key, """{"value":"moved","stamp":"lost"}""", "Gone.Namespace.OldEvent, Gone.Assembly");

        Assert.Equal(["renamed", "moved"], await EffectLog.For(key).WaitForCount(2));
    }

    private Task ProduceAsync(string topic, string key, string json, string eventType) => KafkaProbe.ProduceRawAsync(
        kafka.Kafka.BootstrapServers, new TopicPartition(topic, KafkaPartitioner.Partition(Encoding.UTF8.GetBytes(key), TestStreams.Partitions)),
        key, Encoding.UTF8.GetBytes(json), (KafkaStreamHeaders.EventType, eventType));

    private static string Key(ConsumeResult<byte[], byte[]> record) => Encoding.UTF8.GetString(record.Message.Key ?? []);
}
