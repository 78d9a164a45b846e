using Kafka.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Streaming.Kafka.Tests.Grains;
using Orleans.TestingHost;

namespace Orleans.Streaming.Kafka.Tests.Fixtures;

/// <summary>
/// A mock Kafka cluster with the tests' topics and an in-process Orleans cluster reading them through the provider,
/// one per xUnit collection. Silos and the client publish straight to Kafka.
/// </summary>
public class KafkaCluster : IAsyncLifetime
{
    private readonly short _silos;

    protected KafkaCluster(short silos) => _silos = silos;

    public KafkaMockCluster Kafka { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public IAsyncStream<TestEvent> Stream(string streamNamespace, string key) =>
        Client.GetStreamProvider(TestStreams.Provider).GetStream<TestEvent>(StreamId.Create(streamNamespace, key));

    public async Task InitializeAsync()
    {
        foreach (var streamNamespace in TestStreams.Namespaces) Kafka.CreateTopic(streamNamespace, TestStreams.Partitions);
        Kafka.CreateTopic(TestStreams.DeadLetters, 1);
        var builder = new InProcessTestClusterBuilder(_silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage("PubSubStore");
            silo.AddKafkaStreams(TestStreams.Provider, streams =>
            {
                streams.ConfigureKafka(options => options.Configure(Configure));
                // Deliveries that keep failing become dead letters after this long.
                streams.ConfigurePullingAgent(agent => agent.Configure(o => o.MaxEventDeliveryTime = TimeSpan.FromSeconds(2)));
            });
            // A killed silo is declared dead in a few seconds, so its partitions move soon.
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
            });
        });
        builder.ConfigureClient(client => client.AddKafkaStreams(TestStreams.Provider, Configure));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Kafka.Dispose();
    }

    protected virtual void Configure(KafkaStreamOptions options)
    {
        options.BootstrapServers = Kafka.BootstrapServers;
        options.Namespaces = [.. TestStreams.Namespaces];
        options.Partitions = TestStreams.Partitions;
        options.DeadLetterTopic = TestStreams.DeadLetters;
        options.Linger = TimeSpan.FromMilliseconds(1);
        // The mock answers fetches after this wait when a partition has nothing new: it sets the latency floor.
        options.ConsumerProperties["fetch.wait.max.ms"] = "5";
    }
}

/// <summary>Two silos shared by the ordering, rewind, dead-letter and kcat tests.</summary>
public sealed class SharedKafkaCluster() : KafkaCluster(2);

[CollectionDefinition(Name)]
public sealed class SharedKafkaCollection : ICollectionFixture<SharedKafkaCluster>
{
    public const string Name = "shared kafka cluster";
}
