using Granary.Conformance.Streams;
using Granary.Conformance.Streams.Grains;
using Granary.Hosting;
using Granary.Streaming.Providers;
using Granary.Streams;
using Granary.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Streaming.Tests.Balancing;

/// <summary>A subscription that starts in the past on a silo that does not read its partition: the reading silo rewinds for it.</summary>
public sealed class RewindAcrossSilosTests
{
    private const int Partitions = 8;
    private const string Provider = ConformanceNamespaces.Provider;

    [Fact]
    public async Task A_subscription_from_the_earliest_event_is_rewound_by_the_silo_that_reads_its_partition()
    {
        var probe = new StreamProbe();
        await using var cluster = await TestCluster.StartAsync(new TestClusterOptions
        {
            InitialSilos = 2,
            ConfigureSilo = silo => silo.AddMemoryStreams(Provider, o => o.Partitions = Partitions),
            ConfigureServices = services => services.AddSingleton(probe),
        });
        await Until.True(() => StreamOwnership.OwnedOnceEach(cluster, Provider, Partitions), "two silos own every partition exactly once");
        var subscriber = cluster.GrainFactory.GetGrain<IExplicitSubscriberGrain>($"rewinder-{Guid.NewGuid():N}");
        await subscriber.HandleCount("none");
        var home = cluster.Silos.Single(s => s.HasActivation(subscriber.GetGrainId()));
        var stream = Enumerable.Range(0, 100).Select(i => $"past-{i}")
            .First(k => !StreamOwnership.Owned(home, Provider).Contains(StreamOwnership.PartitionOf(ConformanceNamespaces.Explicit, k, Partitions)));
        var partition = StreamOwnership.PartitionOf(ConformanceNamespaces.Explicit, stream, Partitions);

        var producer = cluster.Client.GetStreamProvider(Provider).GetStream<int>(ConformanceNamespaces.Explicit, stream);
        foreach (var item in new[] { 1, 2, 3 }) await producer.OnNextAsync(item);
        // The reading silo has gone past the three events: only a rewind can deliver them now.
        var adapter = cluster.Services.GetRequiredKeyedService<IQueueAdapter>(Provider);
        var end = await adapter.ResolvePositionAsync(partition, StreamPosition.Latest, CancellationToken.None);
        await Until.True(async () => await adapter.CreateReceiver(partition).GetCommittedPositionAsync(CancellationToken.None) >= end, "the partition is committed past the events");

        await subscriber.Subscribe(stream, SubscribeFrom.Earliest);

        var seen = await probe.WaitForCount(subscriber.GetPrimaryKeyString(), 3);
        Assert.Equal(["1", "2", "3"], seen.Select(e => e.Split('@')[0]));
    }
}
