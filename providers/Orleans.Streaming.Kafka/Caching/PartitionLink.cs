using Orleans.Streaming.Kafka.Queues;
using Orleans.Streaming.Kafka.Wire;

namespace Orleans.Streaming.Kafka.Caching;

/// <summary>
/// What one queue's cache and receiver share on a silo: where reading stands, how much room the cache has, which
/// offset is safe to commit, and the wake-ups rewinding cursors ask the receiver to hand to the pulling agent.
/// </summary>
internal sealed class PartitionLink(KafkaQueue queue)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<StreamId, KafkaWakeUp> _wakeUps = [];
    private long _readPosition = -1;
    private long _committable = -1;

    public KafkaQueue Queue { get; } = queue;

    public KafkaQueueCache? Cache { get; set; }

    /// <summary>The offset the receiver reads next; -1 before it started. Set only as a read's records enter the cache.</summary>
    public long ReadPosition
    {
        get => Interlocked.Read(ref _readPosition);
        set => Interlocked.Exchange(ref _readPosition, value);
    }

    /// <summary>Every record before this offset reached all its subscribers (or had none); -1 when nothing is known yet.</summary>
    public long Committable
    {
        get => Interlocked.Read(ref _committable);
        set => Interlocked.Exchange(ref _committable, value);
    }

    /// <summary>How many records the cache can take now.</summary>
    public int Room => Cache?.Room ?? int.MaxValue;

    public bool HasWakeUps
    {
        get
        {
            lock (_lock) return _wakeUps.Count > 0;
        }
    }

    public void WakeUp(StreamId streamId, KafkaSequenceToken token)
    {
        lock (_lock) _wakeUps[streamId] = new KafkaWakeUp(streamId, token);
    }

    public List<IBatchContainer> TakeWakeUps()
    {
        lock (_lock)
        {
            List<IBatchContainer> wakeUps = [.. _wakeUps.Values];
            _wakeUps.Clear();
            return wakeUps;
        }
    }
}
