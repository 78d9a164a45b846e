using Granary.SystemTargets;

namespace Granary.Streaming.Balancing;

/// <summary>
/// What a silo asks the silo that reads a stream's partition when a subscription there wants to start before the
/// partition's read position: the owner's agent re-reads from that position for that subscription only.
/// </summary>
internal interface IStreamRewindTarget : ISystemTarget
{
    /// <summary>Hands the rewind to the partition's agent; false when this silo does not read the partition (any more).</summary>
    Task<bool> Rewind(string provider, int partition, Guid subscriptionId, string consumer, string streamNamespace, string streamKey, long from);

    /// <summary>Withdraws a rewind whose subscription could not be stored.</summary>
    [Concurrency.OneWay]
    Task CancelRewind(string provider, int partition, Guid subscriptionId);
}
