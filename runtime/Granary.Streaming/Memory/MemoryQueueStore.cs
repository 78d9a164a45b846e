using System.Collections.Concurrent;
using Granary.Streaming.Configuration;
using Granary.Streaming.Providers;

namespace Granary.Streaming.Memory;

/// <summary>
/// What an in-memory provider keeps: its partitions (events and committed positions) and its dead letters.
/// One per provider in a silo, or one shared by the silos of a process through a <see cref="MemoryStreamBroker"/>.
/// </summary>
internal sealed class MemoryQueueStore(MemoryStreamOptions options, TimeProvider time)
{
    public MemoryPartition[] Partitions { get; } = [.. Enumerable.Range(0, options.Partitions).Select(p => new MemoryPartition(p, options, time))];

    public ConcurrentQueue<DeadLetter> DeadLetters { get; } = new();
}

/// <summary>
/// The memory queues of every silo in one process (a <c>Granary.Testing</c> test cluster), by provider name, so
/// that silos share a stream as they would share Kafka: events, committed positions and dead letters alike, and a
/// partition's new owner resumes where its old owner committed. Registered as a service, the memory provider uses it.
/// </summary>
internal sealed class MemoryStreamBroker
{
    private readonly ConcurrentDictionary<string, MemoryQueueStore> _stores = new();

    /// <summary>The store of provider <paramref name="name"/>, created by the first silo that asks.</summary>
    public MemoryQueueStore GetStore(string name, MemoryStreamOptions options, TimeProvider time)
    {
        var store = _stores.GetOrAdd(name, _ => new MemoryQueueStore(options, time));
        if (store.Partitions.Length != options.Partitions)
            throw new InvalidOperationException($"{StreamProviderOptions.SectionName(name)}:Partitions is {options.Partitions} on this silo but {store.Partitions.Length} on another silo sharing the memory queue.");
        return store;
    }
}
