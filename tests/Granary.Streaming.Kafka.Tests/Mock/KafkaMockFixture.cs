using Granary.Kafka.Testing;
using Granary.Streaming.Kafka.Configuration;

namespace Granary.Streaming.Kafka.Tests.Mock;

/// <summary>One mock cluster for every test class of the collection; each test takes topics under a prefix of its own.</summary>
public sealed class KafkaMockFixture : IDisposable
{
    public KafkaMockCluster Cluster { get; } = new();

    /// <summary>
    /// Client settings for the mock: a short fetch wait (latency on the mock equals it) and quick reconnects,
    /// so a broker coming back is noticed within tens of milliseconds.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ClientProperties = new Dictionary<string, string>
    {
        ["reconnect.backoff.ms"] = "10",
        ["reconnect.backoff.max.ms"] = "100",
    };

    public static string NewPrefix() => $"t{Guid.NewGuid():N}.";

    /// <summary>Points <paramref name="options"/> at the mock with topics under <paramref name="prefix"/>, creating them.</summary>
    public void Configure(KafkaStreamOptions options, string prefix, int partitions, params string[] namespaces)
    {
        options.BootstrapServers = Cluster.BootstrapServers;
        options.TopicPrefix = prefix;
        options.Partitions = partitions;
        options.ConsumerGroupId = prefix + "group";
        options.PollInterval = TimeSpan.FromMilliseconds(200);
        options.Linger = TimeSpan.FromMilliseconds(1);
        options.Namespaces.AddRange(namespaces);
        foreach (var (key, value) in ClientProperties) options.Properties[key] = value;
        options.ConsumerProperties["fetch.wait.max.ms"] = "5";
        options.ProducerProperties["retry.backoff.ms"] = "10";
        options.DeadLetterTopic = prefix + "dead-letters";
        foreach (var streamNamespace in namespaces) Cluster.CreateTopic(prefix + streamNamespace, partitions);
        Cluster.CreateTopic(options.DeadLetterTopic, 1);
    }

    public void Dispose() => Cluster.Dispose();
}

[CollectionDefinition(Name)]
public sealed class KafkaMockCollection : ICollectionFixture<KafkaMockFixture>
{
    public const string Name = "kafka mock cluster";
}
