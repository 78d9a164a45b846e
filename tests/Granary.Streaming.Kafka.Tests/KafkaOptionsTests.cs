using Granary.Hosting;
using Granary.Streaming.Kafka.Configuration;
using Granary.Streaming.Kafka.Tests.Mock;
using Granary.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Granary.Streaming.Kafka.Tests;

/// <summary>Options come from standard configuration (Granary:Streams:{name}) and wrong ones stop the silo at start, named.</summary>
[Collection(KafkaMockCollection.Name)]
public sealed class KafkaOptionsTests(KafkaMockFixture mock)
{
    [Fact]
    public async Task Options_bind_from_the_providers_configuration_section()
    {
        var prefix = KafkaMockFixture.NewPrefix();
        mock.Cluster.CreateTopic(prefix + "orders", 3);
        mock.Cluster.CreateTopic(prefix + "legacy", 1);
        var cluster = await TestCluster.StartAsync(Configured(new Dictionary<string, string?>
        {
            ["Granary:Streams:kafka:BootstrapServers"] = mock.Cluster.BootstrapServers,
            ["Granary:Streams:kafka:Namespaces:0"] = "orders",
            ["Granary:Streams:kafka:TopicPrefix"] = prefix,
            ["Granary:Streams:kafka:Partitions"] = "3",
            ["Granary:Streams:kafka:ConsumerGroupId"] = prefix + "shop",
            ["Granary:Streams:kafka:MaxDeliveryAttempts"] = "7",
            ["Granary:Streams:kafka:Linger"] = "00:00:00.002",
            ["Granary:Streams:kafka:Properties:security.protocol"] = "plaintext",
            ["Granary:Streams:kafka:ExternalTopics:0:Topic"] = prefix + "legacy",
            ["Granary:Streams:kafka:ExternalTopics:0:Namespace"] = "legacy",
            ["Granary:Streams:kafka:ExternalTopics:0:EventType"] = "kafka-tests.shipment",
            ["Granary:Streams:kafka:ExternalTopics:0:Partitions"] = "1",
        }));
        await using (cluster)
        {
            var options = cluster.Services.GetRequiredService<IOptionsMonitor<KafkaStreamOptions>>().Get("kafka");
            Assert.Equal(["orders"], options.Namespaces);
            Assert.Equal(3, options.Partitions);
            Assert.Equal(7, options.MaxDeliveryAttempts);
            Assert.Equal(TimeSpan.FromMilliseconds(2), options.Linger);
            Assert.Equal("plaintext", options.Properties["security.protocol"]);
            var external = Assert.Single(options.ExternalTopics);
            Assert.Equal(("legacy", 1), (external.Namespace, external.Partitions));
        }
    }

    [Fact]
    public async Task A_provider_without_brokers_or_namespaces_stops_the_silo_naming_the_settings()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TestCluster.StartAsync(Configured(new Dictionary<string, string?>
        {
            ["Granary:Streams:kafka:Partitions"] = "0",
        })));
        Assert.Contains("Granary:Streams:kafka:BootstrapServers is required", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Granary:Streams:kafka:Namespaces must list at least one", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Granary:Streams:kafka:Partitions must be between 1 and 10000 (was 0)", failure.Message, StringComparison.Ordinal);
    }

    private static TestClusterOptions Configured(Dictionary<string, string?> configuration)
    {
        var options = new TestClusterOptions { ConfigureSilo = silo => silo.AddKafkaStreams("kafka") };
        foreach (var (key, value) in configuration) options.Configuration[key] = value;
        return options;
    }
}
