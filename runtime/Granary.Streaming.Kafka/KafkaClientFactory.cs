using Confluent.Kafka;
using Granary.Streaming.Kafka.Configuration;
using Granary.Streaming.Kafka.Native;

namespace Granary.Streaming.Kafka;

/// <summary>Builds the provider's librdkafka clients from its options; <see cref="KafkaStreamOptions.Properties"/> go last, so they win.</summary>
internal sealed class KafkaClientFactory(string provider, KafkaStreamOptions options)
{
    public IProducer<byte[], byte[]> CreateProducer()
    {
        KafkaNativeLibrary.EnsureLoaded();
        var config = new ProducerConfig
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = $"granary-{provider}",
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = options.Linger.TotalMilliseconds,
            QueueBufferingMaxMessages = options.MaxBufferedMessages,
            MessageTimeoutMs = (int)Math.Ceiling(options.DeliveryTimeout.TotalMilliseconds),
            // Publishing waits for the broker's ack: Nagle plus delayed ACKs would add ~40 ms to each small request.
            SocketNagleDisable = true,
        };
        AddProperties(config);
        return new ProducerBuilder<byte[], byte[]>(config).Build();
    }

    /// <summary>
    /// A consumer that is only ever assigned partitions (never subscribed): which silo reads a partition follows
    /// the silo's partition balancer, not Kafka's group protocol. The group id only names where offsets are stored.
    /// </summary>
    public IConsumer<byte[], byte[]> CreateConsumer(string? groupId = null)
    {
        KafkaNativeLibrary.EnsureLoaded();
        var config = new ConsumerConfig
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = $"granary-{provider}",
            GroupId = groupId ?? options.GroupIdFor(provider),
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnablePartitionEof = false,
            SocketNagleDisable = true,
        };
        AddProperties(config);
        return new ConsumerBuilder<byte[], byte[]>(config).Build();
    }

    private void AddProperties(ClientConfig config)
    {
        foreach (var (key, value) in options.Properties) config.Set(key, value);
    }
}
