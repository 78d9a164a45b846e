using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Orleans.Streaming.Kafka.Kafka;

/// <summary>
/// Builds the provider's librdkafka clients from its options (pass-through properties last, so they win) and
/// sends librdkafka's own log and errors to the provider's logger instead of stderr.
/// </summary>
internal sealed partial class KafkaClientFactory(string providerName, KafkaStreamOptions options, ILogger<KafkaClientFactory> logger)
{
    public string ProviderName => providerName;

    public KafkaStreamOptions Options => options;

    public IProducer<byte[], byte[]> CreateProducer()
    {
        var config = new ProducerConfig
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = $"orleans-{providerName}",
            // Idempotence keeps per-partition order and no duplicates through librdkafka's own retries.
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = options.Linger.TotalMilliseconds,
            QueueBufferingMaxMessages = options.MaxBufferedMessages,
            MessageTimeoutMs = (int)Math.Ceiling(options.DeliveryTimeout.TotalMilliseconds),
            // Publishing awaits the broker's ack: Nagle plus delayed ACKs would add ~40 ms to each small request.
            SocketNagleDisable = true,
        };
        AddProperties(config, options.ProducerProperties);
        return new ProducerBuilder<byte[], byte[]>(config)
            .SetLogHandler((client, message) => OnLog(client.Name, message))
            .SetErrorHandler((client, error) => OnError(client.Name, error))
            .Build();
    }

    /// <summary>
    /// A consumer that is only ever assigned partitions, never subscribed: which silo reads a partition follows
    /// Orleans' queue balancer, not Kafka's group protocol. The group id only names where offsets are committed.
    /// </summary>
    public IConsumer<byte[], byte[]> CreateConsumer()
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = $"orleans-{providerName}",
            GroupId = options.GroupIdFor(providerName),
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnablePartitionEof = false,
            SocketNagleDisable = true,
        };
        AddProperties(config, options.ConsumerProperties);
        return new ConsumerBuilder<byte[], byte[]>(config)
            .SetLogHandler((client, message) => OnLog(client.Name, message))
            .SetErrorHandler((client, error) => OnError(client.Name, error))
            .Build();
    }

    private void AddProperties(ClientConfig config, Dictionary<string, string> specific)
    {
        foreach (var (key, value) in options.Properties) config.Set(key, value);
        foreach (var (key, value) in specific) config.Set(key, value);
    }

    private void OnLog(string client, LogMessage message)
    {
        var level = message.Level switch
        {
            <= SyslogLevel.Error => LogLevel.Error,
            SyslogLevel.Warning => LogLevel.Warning,
            SyslogLevel.Notice or SyslogLevel.Info => LogLevel.Information,
            _ => LogLevel.Debug,
        };
        LogLibrdkafka(level, client, message.Facility, message.Message);
    }

    // Broker connection errors are transient (librdkafka reconnects and retries); only fatal ones end a client.
    private void OnError(string client, Error error)
    {
        if (error.IsFatal) LogFatal(client, error.Code, error.Reason);
        else LogTransient(client, error.Code, error.Reason);
    }

    [LoggerMessage(EventId = 7300, Message = "librdkafka {Client} {Facility}: {Message}")]
    private partial void LogLibrdkafka(LogLevel level, string client, string facility, string message);

    [LoggerMessage(EventId = 7301, Level = LogLevel.Warning, Message = "Kafka client {Client}: {Code} {Reason}; it reconnects and retries")]
    private partial void LogTransient(string client, Confluent.Kafka.ErrorCode code, string reason);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Error, Message = "Kafka client {Client} failed for good: {Code} {Reason}")]
    private partial void LogFatal(string client, Confluent.Kafka.ErrorCode code, string reason);
}
