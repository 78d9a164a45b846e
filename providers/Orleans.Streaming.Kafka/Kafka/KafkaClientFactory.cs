using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Orleans.Streaming.Kafka.Kafka;

/// <summary>
/// Builds the provider's librdkafka clients from its options (pass-through properties last, so they win) and
/// sends librdkafka's own log and errors to the provider's logger instead of stderr.
/// </summary>
internal sealed partial class KafkaClientFactory(string providerName, KafkaStreamOptions options, ILogger<KafkaClientFactory> logger)
{
    // librdkafka calls back into a client's delegates while its handle is destroyed. A client that was never
    // disposed (a silo that died without stopping) would be destroyed by the finalizer after its delegates were
    // collected, and the callback would crash the process; so every client stays reachable until released.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<IClient, byte> Live = new();

    /// <summary>Closes (consumers), disposes and forgets a client of this factory.</summary>
    public static void Release(IClient client)
    {
        try
        {
            if (client is IConsumer<byte[], byte[]> consumer) consumer.Close();
        }
        finally
        {
            client.Dispose();
            Live.TryRemove(client, out _);
        }
    }

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
        return Keep(new ProducerBuilder<byte[], byte[]>(config)
            .SetLogHandler((client, message) => Guard(() => OnLog(client.Name, message)))
            .SetErrorHandler((client, error) => Guard(() => OnError(client.Name, error)))
            .Build());
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
        return Keep(new ConsumerBuilder<byte[], byte[]>(config)
            .SetLogHandler((client, message) => Guard(() => OnLog(client.Name, message)))
            .SetErrorHandler((client, error) => Guard(() => OnError(client.Name, error)))
            .Build());
    }

    private static T Keep<T>(T client)
        where T : IClient
    {
        Live[client] = 0;
        return client;
    }

    private void AddProperties(ClientConfig config, Dictionary<string, string> specific)
    {
        // librdkafka otherwise calls the log callback from its own threads, also while a handle is torn down; a
        // core dump of the test host showed rd_kafka_log0 jumping into a freed callback (SIGSEGV). Queued, the
        // log lines reach the handler on the client's polling thread instead.
        config.Set("log.queue", "true");
        foreach (var (key, value) in options.Properties) config.Set(key, value);
        foreach (var (key, value) in specific) config.Set(key, value);
    }

    // These run on librdkafka's threads, also while a host shuts down and its loggers are gone: an exception
    // escaping into native code would end the process.
    private static void Guard(Action log)
    {
        try
        {
            log();
        }
        catch (Exception)
        {
            // Logging is best effort here; the client's own state is unaffected.
        }
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
}
