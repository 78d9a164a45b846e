using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Orleans.Streaming.Kafka.Kafka;
using Orleans.Streaming.Kafka.Tests.Fixtures;
using Orleans.Streaming.Kafka.Tests.Grains;

namespace Orleans.Streaming.Kafka.Tests;

[Collection(SharedKafkaCollection.Name)]
public sealed class DeadLetterTests(SharedKafkaCluster kafka)
{
    [Fact]
    public async Task An_event_its_subscriber_keeps_failing_on_becomes_a_dead_letter_and_the_stream_goes_on()
    {
        var key = "fragile-" + Guid.NewGuid().ToString("N");
        var stream = kafka.Stream(TestStreams.Fragile, key);
        await stream.OnNextAsync(new TestEvent("first"));
        await stream.OnNextAsync(new TestEvent("poison"));
        await stream.OnNextAsync(new TestEvent("after"));

        Assert.Equal(["first", "after"], await EffectLog.For("fragile/" + key).WaitForCount(2));
        var letter = KafkaProbe.WaitForRecord(kafka.Kafka.BootstrapServers, TestStreams.DeadLetters, 1,
            r => r.Header(KafkaStreamHeaders.DeadLetterStreamKey) == key);
        Assert.Equal("{\"value\":\"poison\"}", Encoding.UTF8.GetString(letter.Message.Value));
        Assert.Equal(key, Encoding.UTF8.GetString(letter.Message.Key));
        Assert.Equal(TestStreams.Fragile, letter.Header(KafkaStreamHeaders.DeadLetterStreamNamespace));
        Assert.Equal(TestStreams.Fragile, letter.Header(KafkaStreamHeaders.DeadLetterSourceTopic));
        Assert.Equal(Partition(key).ToString(CultureInfo.InvariantCulture), letter.Header(KafkaStreamHeaders.DeadLetterSourcePartition));
        Assert.True(long.TryParse(letter.Header(KafkaStreamHeaders.DeadLetterSourceOffset), CultureInfo.InvariantCulture, out _));
        Assert.True(Guid.TryParse(letter.Header(KafkaStreamHeaders.DeadLetterSubscription), out _));
        Assert.Contains("cannot digest poison", letter.Header(KafkaStreamHeaders.DeadLetterError), StringComparison.Ordinal);
        Assert.Equal(EventTypeHeaders.TestEvent, letter.Header(KafkaStreamHeaders.EventType));
    }

    [Fact]
    public async Task A_record_that_is_not_json_becomes_a_dead_letter_without_stopping_its_partition()
    {
        var key = "garbage-" + Guid.NewGuid().ToString("N");
        await KafkaProbe.ProduceRawAsync(kafka.Kafka.BootstrapServers, new TopicPartition(TestStreams.Orders, Partition(key)), key, [0xff, 0x00, 0x7b]);
        await kafka.Stream(TestStreams.Orders, key).OnNextAsync(new TestEvent("fine"));

        Assert.Equal(["fine"], await EffectLog.For(key).WaitForCount(1));
        var letter = KafkaProbe.WaitForRecord(kafka.Kafka.BootstrapServers, TestStreams.DeadLetters, 1,
            r => r.Header(KafkaStreamHeaders.DeadLetterStreamKey) == key);
        Assert.Equal([0xff, 0x00, 0x7b], letter.Message.Value);
        Assert.Contains("not JSON", letter.Header(KafkaStreamHeaders.DeadLetterError), StringComparison.Ordinal);
        Assert.Null(letter.Header(KafkaStreamHeaders.DeadLetterSubscription));
        Assert.Equal(TestStreams.Orders, letter.Header(KafkaStreamHeaders.DeadLetterSourceTopic));
    }

    private static int Partition(string key) => KafkaPartitioner.Partition(Encoding.UTF8.GetBytes(key), TestStreams.Partitions);
}
