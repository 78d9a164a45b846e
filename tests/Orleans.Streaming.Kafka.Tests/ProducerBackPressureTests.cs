using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Streaming.Kafka.Kafka;

namespace Orleans.Streaming.Kafka.Tests;

/// <summary>With no broker to take them, publishes wait within the bounded buffer and fail with errors naming the setting.</summary>
public sealed class ProducerBackPressureTests
{
    // Nothing listens on port 1: every connection is refused, as during an outage.
    private const string NoBroker = "127.0.0.1:1";

    [Fact]
    public async Task A_publish_the_broker_never_acknowledges_fails_after_the_delivery_timeout_naming_it()
    {
        using var producer = Producer(new KafkaStreamOptions { BootstrapServers = NoBroker, DeliveryTimeout = TimeSpan.FromMilliseconds(500) });

        var failure = await Assert.ThrowsAsync<KafkaStreamException>(() => producer.ProduceAsync(new TopicPartition("orders", 0), [Message()], CancellationToken.None));
        Assert.Contains("Orleans:Streams:outage:DeliveryTimeout", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_publish_that_finds_the_buffer_full_waits_then_fails_naming_the_buffer_settings()
    {
        using var producer = Producer(new KafkaStreamOptions
        {
            BootstrapServers = NoBroker, MaxBufferedMessages = 1, BufferFullTimeout = TimeSpan.FromMilliseconds(300), DeliveryTimeout = TimeSpan.FromSeconds(2),
        });
        var waiting = producer.ProduceAsync(new TopicPartition("orders", 0), [Message()], CancellationToken.None);

        var failure = await Assert.ThrowsAsync<KafkaStreamException>(() => producer.ProduceAsync(new TopicPartition("orders", 0), [Message()], CancellationToken.None));
        Assert.Contains("Orleans:Streams:outage:MaxBufferedMessages", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Orleans:Streams:outage:BufferFullTimeout", failure.Message, StringComparison.Ordinal);
        // The record holding the buffer was never acknowledged: it fails too, naming its own timeout.
        Assert.Contains("DeliveryTimeout", (await Assert.ThrowsAsync<KafkaStreamException>(() => waiting)).Message, StringComparison.Ordinal);
    }

    private static KafkaEventProducer Producer(KafkaStreamOptions options) =>
        new(new KafkaClientFactory("outage", options, NullLogger<KafkaClientFactory>.Instance), TimeProvider.System);

    private static Message<byte[], byte[]> Message() => new() { Key = Encoding.UTF8.GetBytes("k"), Value = Encoding.UTF8.GetBytes("{}") };
}
