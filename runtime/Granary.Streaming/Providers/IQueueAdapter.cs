using Granary.Streams;

namespace Granary.Streaming.Providers;

/// <summary>
/// The seam between the stream runtime and a queue (in memory, Kafka): a provider implements this and
/// <see cref="IQueueReceiver"/>; pub-sub, delivery, retries, dead-lettering and commits stay in the runtime.
/// </summary>
public interface IQueueAdapter
{
    /// <summary>The provider name.</summary>
    string Name { get; }

    /// <summary>How many partitions the queue has; partitions are numbered from 0.</summary>
    int PartitionCount { get; }

    /// <summary>True when a receiver can read from positions before its committed one.</summary>
    bool IsRewindable { get; }

    /// <summary>The partition of a stream: a pure function of the stream id, so one stream keeps one order.</summary>
    int GetPartition(StreamId streamId);

    /// <summary>
    /// Appends <paramref name="messages"/> (all of one stream) to <paramref name="partition"/> in order, completing
    /// only once the queue has durably accepted all of them; fails without a partial append where the queue allows.
    /// </summary>
    Task EnqueueAsync(int partition, IReadOnlyList<QueueMessage> messages, CancellationToken cancellationToken);

    /// <summary>
    /// The position in <paramref name="partition"/> a subscription starting at <paramref name="position"/> reads
    /// from: the earliest retained message, the end (the next position to be written), the first message
    /// published at or after a time, or a token's position (the earliest retained one when it has expired).
    /// </summary>
    Task<long> ResolvePositionAsync(int partition, StreamPosition position, CancellationToken cancellationToken);

    /// <summary>A reader of one partition, used by the one pulling agent that owns the partition.</summary>
    IQueueReceiver CreateReceiver(int partition);

    /// <summary>Stores an event that could not be delivered (Kafka: a dead-letter topic).</summary>
    Task WriteDeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken);
}

/// <summary>Reads one partition from a position and commits positions.</summary>
public interface IQueueReceiver : IAsyncDisposable
{
    /// <summary>The partition.</summary>
    int Partition { get; }

    /// <summary>The position to resume from: the last committed one, or the earliest retained when none was committed.</summary>
    Task<long> GetCommittedPositionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="maxCount"/> messages from <paramref name="from"/> on, in position order. Waits a
    /// little (the adapter's poll interval) for messages when none are there, then returns an empty list.
    /// When <paramref name="from"/> is no longer retained, reading starts at the earliest retained position.
    /// </summary>
    Task<IReadOnlyList<QueueRecord>> ReadAsync(long from, int maxCount, CancellationToken cancellationToken);

    /// <summary>Records that every message before <paramref name="position"/> was processed by every subscriber.</summary>
    Task CommitAsync(long position, CancellationToken cancellationToken);
}
