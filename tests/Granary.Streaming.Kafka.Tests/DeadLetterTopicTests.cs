using System.Text;
using Confluent.Kafka;
using Granary.Conformance.Streams;
using Granary.Hosting;
using Granary.Streaming.Kafka.Native;
using Granary.Streaming.Kafka.Tests.Mock;
using Granary.Streams;
using Granary.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Streaming.Kafka.Tests;

/// <summary>A poison event lands on the dead-letter topic as a plain Kafka message any consumer reads.</summary>
[Collection(KafkaMockCollection.Name)]
public sealed class DeadLetterTopicTests(KafkaMockFixture mock)
{
    private readonly StreamProbe _probe = new();
    private readonly string _prefix = KafkaMockFixture.NewPrefix();

    [Fact]
    public async Task A_poison_event_is_on_the_dead_letter_topic_with_the_error_and_where_it_came_from()
    {
        var key = Guid.NewGuid().ToString("N");
        await using (var cluster = await StartAsync())
        {
            var stream = cluster.Client.GetStreamProvider(ConformanceNamespaces.Provider).GetStream<int>(ConformanceNamespaces.Poison, key);
            foreach (var item in (int[])[1, -1, 2]) await stream.OnNextAsync(item);
            Assert.Equal(["1", "2"], await _probe.WaitForCount(key, 2));
        }

        var letter = ReadOne(_prefix + "dead-letters");
        string Header(string name) => Encoding.UTF8.GetString(letter.Message.Headers.GetLastBytes(name));
        Assert.Equal(key, Encoding.UTF8.GetString(letter.Message.Key));
        Assert.Contains("poison item -1", Header("granary-dead-letter-error"), StringComparison.Ordinal);
        Assert.Equal("3", Header("granary-dead-letter-attempts"));
        Assert.Equal(_prefix + ConformanceNamespaces.Poison, Header("granary-source-topic"));
        Assert.Equal("1", Header("granary-source-offset"));
        Assert.Matches("^[0-9a-f]{32}$", Header("granary-event-id"));
        Assert.Contains(key, Header("granary-dead-letter-consumer"), StringComparison.Ordinal);
    }

    private Task<TestCluster> StartAsync() => TestCluster.StartAsync(new TestClusterOptions
    {
        ConfigureSilo = silo => silo.AddKafkaStreams(ConformanceNamespaces.Provider, options =>
        {
            options.MaxDeliveryAttempts = 3;
            options.DeliveryRetryDelay = TimeSpan.Zero;
            mock.Configure(options, _prefix, 1, ConformanceNamespaces.Poison);
        }),
        ConfigureServices = services => services.AddSingleton(_probe),
    });

    private ConsumeResult<byte[], byte[]> ReadOne(string topic)
    {
        KafkaNativeLibrary.EnsureLoaded();
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = mock.Cluster.BootstrapServers, GroupId = _prefix + "reader", FetchWaitMaxMs = 5,
        }).Build();
        consumer.Assign(new TopicPartitionOffset(topic, 0, Offset.Beginning));
        var result = consumer.Consume(TimeSpan.FromSeconds(20));
        Assert.NotNull(result);
        Assert.Equal(1, consumer.QueryWatermarkOffsets(new TopicPartition(topic, 0), TimeSpan.FromSeconds(5)).High.Value);
        return result;
    }
}
