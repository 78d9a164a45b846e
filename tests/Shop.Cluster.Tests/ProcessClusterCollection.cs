using Shop.Cluster.Testing;

namespace Shop.Cluster.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessClusterCollection : ICollectionFixture<ClusterDatabase>
{
    // Every test here starts processes; two clusters at once on 2 cores would measure the machine, not the protocol.
    public const string Name = "process cluster";
}
