using System.Globalization;
using Kafka.Testing;
using Shop.Events;

namespace Shop.Api.Tests.Kafka;

/// <summary>
/// The API as users run it with <c>Shop:Streams:Provider=Kafka</c>, against a librdkafka mock cluster of its own
/// whose topics (<c>orders</c>, <c>inventory</c>, <c>wallets</c> and the dead letters) are created through the mock API,
/// since the mock does not answer CreateTopics.
/// </summary>
public sealed class KafkaShopApiFactory : ShopApiFactory
{
    public const int Partitions = 2;
    private const string Section = "Orleans:Streams:" + ShopStreams.Provider;

    public KafkaShopApiFactory()
    {
        foreach (var topic in (string[])[ShopStreams.Orders, ShopStreams.Inventory, ShopStreams.Wallets, ShopStreams.Provider + ".dead-letters"])
            Cluster.CreateTopic(topic, Partitions);
    }

    public KafkaMockCluster Cluster { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Shop:Streams:Provider"] = "Kafka",
        [$"{Section}:BootstrapServers"] = Cluster.BootstrapServers,
        [$"{Section}:Partitions"] = Partitions.ToString(CultureInfo.InvariantCulture),
        // Latency on the mock equals fetch.wait.max.ms; short polls and linger keep a flow within a second.
        [$"{Section}:PollTimeout"] = "00:00:00.050",
        [$"{Section}:Linger"] = "00:00:00.001",
        [$"{Section}:ConsumerProperties:fetch.wait.max.ms"] = "5",
        [$"{Section}:Properties:reconnect.backoff.ms"] = "10",
    };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // After the silo stopped: its clients must be gone before the cluster they talk to.
        if (disposing) Cluster.Dispose();
    }
}
