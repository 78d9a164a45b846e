using Kafka.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Streaming.Kafka.Kafka;

namespace Orleans.Streaming.Kafka.Tests;

/// <summary>A topic whose partition count differs from the configured one stops the provider at start, naming the setting.</summary>
public sealed class TopicCheckTests
{
    [Fact]
    public void A_partition_count_that_differs_from_the_topic_fails_naming_the_setting()
    {
        using var kafka = new KafkaMockCluster();
        kafka.CreateTopic("orders", 3);
        var options = new KafkaStreamOptions { BootstrapServers = kafka.BootstrapServers, Namespaces = ["orders"], Partitions = 8 };
        using var producer = new KafkaEventProducer(new KafkaClientFactory("events", options, NullLogger<KafkaClientFactory>.Instance), TimeProvider.System);

        var failure = Assert.Throws<KafkaStreamException>(() => TopicCheck.Run(producer.Handle, options, "events", NullLogger.Instance));
        Assert.Contains("has 3 partitions, but Orleans:Streams:events:Partitions is 8", failure.Message, StringComparison.Ordinal);

        options.Partitions = 3;
        TopicCheck.Run(producer.Handle, options, "events", NullLogger.Instance);
    }
}
