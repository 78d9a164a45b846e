using Granary.Streaming.Agents;
using Granary.Streaming.Memory;
using Granary.Streams;
using Granary.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Streaming.Tests.Balancing;

/// <summary>Which partitions the silos of a test cluster read, from their agents.</summary>
internal static class StreamOwnership
{
    public static IReadOnlyCollection<int> Owned(TestSilo silo, string provider) =>
        silo.Services.GetRequiredKeyedService<StreamAgentManager>(provider).OwnedPartitions;

    /// <summary>True when the silos together read every partition, each exactly once.</summary>
    public static bool OwnedOnceEach(TestCluster cluster, string provider, int partitions) =>
        cluster.Silos.SelectMany(s => Owned(s, provider)).Order().SequenceEqual(Enumerable.Range(0, partitions));

    public static int PartitionOf(string streamNamespace, string key, int partitions) =>
        StreamPartitioning.Partition(StreamId.Create(streamNamespace, key), partitions);
}
