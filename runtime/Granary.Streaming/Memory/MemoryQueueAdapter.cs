using System.Collections.Concurrent;
using Granary.Streaming.Providers;
using Granary.Streams;

namespace Granary.Streaming.Memory;

/// <summary>The in-memory queue: partitions in process memory, dead letters kept in a list for tests and diagnostics.</summary>
internal sealed class MemoryQueueAdapter(string name, MemoryQueueStore store) : IQueueAdapter
{
    private readonly MemoryPartition[] _partitions = store.Partitions;
    private readonly ConcurrentQueue<DeadLetter> _deadLetters = store.DeadLetters;

    public string Name { get; } = name;

    public int PartitionCount => _partitions.Length;

    public bool IsRewindable => true;

    public IReadOnlyList<DeadLetter> DeadLetters => [.. _deadLetters];

    public int GetPartition(StreamId streamId) => StreamPartitioning.Partition(streamId, _partitions.Length);

    public Task EnqueueAsync(int partition, IReadOnlyList<QueueMessage> messages, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _partitions[partition].Append(messages);
        return Task.CompletedTask;
    }

    public Task<long> ResolvePositionAsync(int partition, StreamPosition position, CancellationToken cancellationToken) =>
        Task.FromResult(_partitions[partition].Resolve(position));

    public IQueueReceiver CreateReceiver(int partition) => new MemoryQueueReceiver(_partitions[partition]);

    public Task WriteDeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        _deadLetters.Enqueue(deadLetter);
        return Task.CompletedTask;
    }

    private sealed class MemoryQueueReceiver(MemoryPartition partition) : IQueueReceiver
    {
        public int Partition => partition.Partition;

        public Task<long> GetCommittedPositionAsync(CancellationToken cancellationToken) => Task.FromResult(partition.Committed);

        public Task<IReadOnlyList<QueueRecord>> ReadAsync(long from, int maxCount, CancellationToken cancellationToken) =>
            partition.ReadAsync(from, maxCount, cancellationToken);

        public Task CommitAsync(long position, CancellationToken cancellationToken)
        {
            partition.Commit(position);
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
