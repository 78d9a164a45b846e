using Shop.Cluster.Testing;

namespace Shop.Chaos.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChaosCollection : ICollectionFixture<ClusterDatabase>
{
    // A chaos run loads both cores; two at once would measure the machine, not the cluster.
    public const string Name = "chaos";
}
