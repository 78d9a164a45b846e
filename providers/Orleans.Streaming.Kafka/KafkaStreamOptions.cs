namespace Orleans.Streaming.Kafka;

/// <summary>
/// Settings of one Kafka stream provider, bound from the configuration section <c>Orleans:Streams:{name}</c>
/// (for example the environment variable <c>Orleans__Streams__shop-events__BootstrapServers=kafka:9092</c>).
/// Each stream namespace in <see cref="Namespaces"/> is read from one topic; every partition of that topic is one
/// Orleans stream queue; a stream's key is the Kafka record key.
/// </summary>
public sealed class KafkaStreamOptions
{
    /// <summary>The configuration section of a provider: <c>Orleans:Streams:{name}</c>.</summary>
    public static string SectionName(string providerName) => $"Orleans:Streams:{providerName}";

    /// <summary>Comma-separated host:port list of brokers. Required.</summary>
    public string BootstrapServers { get; set; } = "";

    /// <summary>The stream namespaces this provider carries. At least one is required.</summary>
    public List<string> Namespaces { get; set; } = [];

    /// <summary>
    /// Namespace to topic, for namespaces whose topic is not named like the namespace (for example a topic that
    /// another system writes). Namespaces missing here use the topic named exactly as the namespace.
    /// </summary>
    public Dictionary<string, string> Topics { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Partitions of every topic this provider reads; must equal the topics' real partition count. Default 8.</summary>
    public int Partitions { get; set; } = 8;

    /// <summary>The consumer group that stores committed offsets. Default <c>orleans.{provider name}</c>.</summary>
    public string? ConsumerGroupId { get; set; }

    /// <summary>Where events that could not be delivered or decoded go. Default <c>{provider name}.dead-letters</c>.</summary>
    public string? DeadLetterTopic { get; set; }

    /// <summary>Most records the producer buffers before publishing waits (back-pressure). Default 100,000.</summary>
    public int MaxBufferedMessages { get; set; } = 100_000;

    /// <summary>How long publishing waits for room in a full producer buffer before it fails. Default 10 s.</summary>
    public TimeSpan BufferFullTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the producer waits to fill a batch (linger.ms). Default 5 ms.</summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>How long a record may wait for the broker's acknowledgement, retries included, before publishing fails (message.timeout.ms). Default 30 s.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one read of a partition waits for new records before returning none. Default 50 ms.</summary>
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long a metadata or offset request may take (committed offsets, watermarks, times). Default 10 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most events one partition's cache holds; when full, reading that partition pauses until subscribers catch up. Default 16,384.</summary>
    public int CacheSize { get; set; } = 16_384;

    /// <summary>librdkafka properties for every client (security.protocol, sasl.*, ssl.*, ...); they override the settings above.</summary>
    public Dictionary<string, string> Properties { get; set; } = new(StringComparer.Ordinal);

    /// <summary>librdkafka properties for the producer only (after <see cref="Properties"/>), such as compression.type.</summary>
    public Dictionary<string, string> ProducerProperties { get; set; } = new(StringComparer.Ordinal);

    /// <summary>librdkafka properties for consumers only (after <see cref="Properties"/>), such as fetch.wait.max.ms.</summary>
    public Dictionary<string, string> ConsumerProperties { get; set; } = new(StringComparer.Ordinal);

    internal string TopicOf(string streamNamespace) =>
        Topics.TryGetValue(streamNamespace, out var topic) && !string.IsNullOrWhiteSpace(topic) ? topic : streamNamespace;

    internal string GroupIdFor(string providerName) => string.IsNullOrWhiteSpace(ConsumerGroupId) ? $"orleans.{providerName}" : ConsumerGroupId;

    internal string DeadLetterTopicFor(string providerName) =>
        string.IsNullOrWhiteSpace(DeadLetterTopic) ? $"{providerName}.dead-letters" : DeadLetterTopic;
}
