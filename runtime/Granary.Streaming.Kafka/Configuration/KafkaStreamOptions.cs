using Granary.Streaming.Configuration;

namespace Granary.Streaming.Kafka.Configuration;

/// <summary>
/// The Kafka provider of <c>silo.AddKafkaStreams(name, o => ...)</c>, bound from <c>Granary:Streams:{name}</c>
/// (for example <c>Granary__Streams__events__BootstrapServers=kafka:9092</c>). Each stream namespace in
/// <see cref="Namespaces"/> is a topic with <see cref="Partitions"/> partitions; a stream's key is the message key.
/// </summary>
public sealed class KafkaStreamOptions : StreamProviderOptions
{
    /// <summary>Comma-separated host:port list of brokers. Required.</summary>
    public string BootstrapServers { get; set; } = "";

    /// <summary>The stream namespaces this provider carries, one topic each. At least one namespace or external topic is required.</summary>
    public List<string> Namespaces { get; set; } = [];

    /// <summary>Prepended to a namespace to name its topic (<c>{TopicPrefix}{namespace}</c>). Default none.</summary>
    public string TopicPrefix { get; set; } = "";

    /// <summary>Topic names for namespaces that do not follow <see cref="TopicPrefix"/>: namespace to topic.</summary>
    public Dictionary<string, string> Topics { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Partitions of every topic of <see cref="Namespaces"/>; must equal the topics' partition count. Default 8.</summary>
    public int Partitions { get; set; } = 8;

    /// <summary>The consumer group under which committed offsets are stored. Default <c>granary.{provider name}</c>.</summary>
    public string? ConsumerGroupId { get; set; }

    /// <summary>Where events that failed <see cref="StreamProviderOptions.MaxDeliveryAttempts"/> times go. Default <c>{TopicPrefix}{provider name}.dead-letters</c>.</summary>
    public string? DeadLetterTopic { get; set; }

    /// <summary>Topics written outside Granary (JSON values) read as streams.</summary>
    public List<KafkaExternalTopicOptions> ExternalTopics { get; set; } = [];

    /// <summary>Most messages the producer buffers before publishing waits (back-pressure). Default 100,000.</summary>
    public int MaxBufferedMessages { get; set; } = 100_000;

    /// <summary>How long publishing waits for room in a full buffer before it fails. Default 10 s.</summary>
    public TimeSpan BufferFullTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the producer waits to fill a batch (linger.ms). Default 5 ms.</summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>How long an event may wait for the broker's acknowledgement, retries included, before publishing fails (message.timeout.ms). Default 30 s.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a read waits for new events before returning none. Default 500 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a metadata or offset request may take (committed offsets, watermarks, times). Default 10 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// librdkafka properties passed to every client as they are (security.protocol, sasl.mechanism, sasl.username,
    /// ssl.ca.location, fetch.wait.max.ms, ...). They override the settings above.
    /// </summary>
    public Dictionary<string, string> Properties { get; set; } = new(StringComparer.Ordinal);

    /// <summary>librdkafka properties for the producer only (after <see cref="Properties"/>), such as batch.size or compression.type.</summary>
    public Dictionary<string, string> ProducerProperties { get; set; } = new(StringComparer.Ordinal);

    /// <summary>librdkafka properties for consumers only (after <see cref="Properties"/>), such as fetch.wait.max.ms or fetch.min.bytes.</summary>
    public Dictionary<string, string> ConsumerProperties { get; set; } = new(StringComparer.Ordinal);

    internal string TopicOf(string streamNamespace) =>
        Topics.TryGetValue(streamNamespace, out var topic) ? topic : TopicPrefix + streamNamespace;

    internal string GroupIdFor(string providerName) => string.IsNullOrEmpty(ConsumerGroupId) ? $"granary.{providerName}" : ConsumerGroupId;

    internal string DeadLetterTopicFor(string providerName) =>
        string.IsNullOrEmpty(DeadLetterTopic) ? $"{TopicPrefix}{providerName}.dead-letters" : DeadLetterTopic;
}

/// <summary>
/// A topic written by a producer outside Granary, read as one stream namespace: each JSON value becomes an item of
/// <see cref="EventType"/> on the stream whose key is the message key (or the JSON property <see cref="KeyProperty"/>).
/// </summary>
public sealed class KafkaExternalTopicOptions
{
    /// <summary>The topic. Required.</summary>
    public string Topic { get; set; } = "";

    /// <summary>The stream namespace its events appear under (implicit subscriptions use it). Required.</summary>
    public string Namespace { get; set; } = "";

    /// <summary>The JSON property holding the stream key; when empty the message key is the stream key.</summary>
    public string? KeyProperty { get; set; }

    /// <summary>
    /// The Granary wire name of the item type (as in <c>[Alias]</c> or the type's full name) the JSON is read as;
    /// subscribers decode the JSON into their observer's item type. Required.
    /// </summary>
    public string EventType { get; set; } = "";

    /// <summary>The topic's partition count. Default the provider's <see cref="KafkaStreamOptions.Partitions"/>.</summary>
    public int? Partitions { get; set; }
}
