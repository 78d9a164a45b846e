using Granary.Conformance.Streams;
using Granary.Hosting;
using Granary.Streaming.Kafka.Tests.Mock;
using Granary.Streams;
using Granary.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Streaming.Kafka.Tests;

/// <summary>
/// Several silos on one set of topics: the membership balancer spreads the topic partitions over them and moves them
/// when a silo stops or dies; each new owner's receiver resumes at the committed offset, so every event arrives, and
/// each stream's events arrive in order (an uncommitted batch may be delivered again after a kill: at-least-once).
/// </summary>
[Collection(KafkaMockCollection.Name)]
public sealed class KafkaStreamClusterTests(KafkaMockFixture mock)
{
    private readonly StreamProbe _probe = new();
    private readonly string _prefix = KafkaMockFixture.NewPrefix();
    private readonly string[] _keys = [.. Enumerable.Range(0, 8).Select(i => $"key-{i}-{Guid.NewGuid():N}")];

    [Fact]
    public async Task Partitions_move_when_silos_stop_or_die_and_every_event_still_arrives_in_order()
    {
        await using var cluster = await TestCluster.StartAsync(new TestClusterOptions
        {
            InitialSilos = 3,
            ConfigureSilo = silo => silo.AddKafkaStreams(ConformanceNamespaces.Provider, options =>
            {
                options.BatchSize = 4;
                options.QueueRetryDelay = TimeSpan.FromMilliseconds(100);
                mock.Configure(options, _prefix, 6, ConformanceNamespaces.Implicit);
            }),
            ConfigureServices = services => services.AddSingleton(_probe),
        });

        await PublishAsync(cluster, 1, 15);
        await cluster.StopSiloAsync(cluster.Silos[^1]);
        await PublishAsync(cluster, 16, 30);
        await cluster.KillSiloAsync(cluster.Silos[^1]);
        await PublishAsync(cluster, 31, 40);

        foreach (var key in _keys)
        {
            var seen = await _probe.WaitUntil(key, s => s.Distinct().Count() == 40, $"{key} received items 1 to 40");
            var firstSeen = seen.Select(int.Parse).Distinct().ToList();
            Assert.Equal(Enumerable.Range(1, 40), firstSeen);
        }
    }

    private Task PublishAsync(TestCluster cluster, int from, int to) => Task.WhenAll(_keys.Select(async key =>
    {
        var stream = cluster.Client.GetStreamProvider(ConformanceNamespaces.Provider).GetStream<int>(ConformanceNamespaces.Implicit, key);
        for (var item = from; item <= to; item++) await stream.OnNextAsync(item);
    }));
}
