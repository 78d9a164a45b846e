namespace Granary.Streaming.Providers;

/// <summary>
/// Decides which partitions of a provider this silo reads. The default owns every partition (one silo);
/// a membership-aware balancer moves partitions when silos join, leave or die.
/// </summary>
public interface IStreamPartitionBalancer
{
    /// <summary>
    /// Starts balancing <paramref name="partitionCount"/> partitions of <paramref name="providerName"/>, telling
    /// <paramref name="owner"/> which partitions to take and to give up, now and whenever ownership changes.
    /// </summary>
    Task StartAsync(string providerName, int partitionCount, IPartitionOwner owner, CancellationToken cancellationToken);

    /// <summary>Stops balancing; the owner releases its partitions itself.</summary>
    Task StopAsync(string providerName, CancellationToken cancellationToken);
}

/// <summary>The silo's side of partition ownership: the pulling agents of one provider.</summary>
public interface IPartitionOwner
{
    /// <summary>Starts reading <paramref name="partitions"/> from their committed positions.</summary>
    Task AcquireAsync(IReadOnlyCollection<int> partitions, CancellationToken cancellationToken);

    /// <summary>Stops reading <paramref name="partitions"/>, completing once their agents finished the batch in hand and committed.</summary>
    Task ReleaseAsync(IReadOnlyCollection<int> partitions, CancellationToken cancellationToken);
}
