using Granary.Runtime;

namespace Granary.Streaming.Balancing;

/// <summary>Which silo reads a partition, by the balancer's current view; implemented by balancers that spread partitions.</summary>
internal interface IPartitionLocator
{
    /// <summary>The silo that reads <paramref name="partition"/> of <paramref name="provider"/>, or null when none is known.</summary>
    SiloAddress? OwnerOf(string provider, int partition);
}
