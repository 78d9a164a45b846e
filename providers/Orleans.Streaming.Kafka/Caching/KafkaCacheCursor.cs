using Orleans.Streaming.Kafka.Wire;

namespace Orleans.Streaming.Kafka.Caching;

/// <summary>A cursor that can name the event it is delivering, so a dead letter can be written from it.</summary>
internal interface IDeliveringCursor
{
    KafkaBatchContainer? Current { get; }
}

/// <summary>
/// Walks one stream's events in the cache. It holds back purging (and so the commit) at the event it is delivering,
/// or, while idle, at the next event of its stream; events of other streams never wait for it.
/// </summary>
internal sealed class KafkaCacheCursor : IQueueCacheCursor, IDeliveringCursor
{
    private readonly KafkaQueueCache _cache;
    private long _nextSlot;
    private long _currentSlot = -1;

    public KafkaCacheCursor(KafkaQueueCache cache, StreamId streamId, long nextSlot, long minOffset)
    {
        _cache = cache;
        StreamId = streamId;
        _nextSlot = nextSlot;
        MinOffset = minOffset;
        Owner = this;
    }

    public StreamId StreamId { get; }

    /// <summary>Events before this offset are skipped (the start a subscriber asked for).</summary>
    public long MinOffset { get; set; }

    /// <summary>The cursor the agent holds: this one, or the rewinding cursor wrapping it.</summary>
    public IDeliveringCursor Owner { get; set; }

    public KafkaBatchContainer? Current { get; private set; }

    public IBatchContainer? GetCurrent(out Exception? exception)
    {
        exception = null;
        return Current;
    }

    public bool MoveNext()
    {
        // Moving on means the agent is done with the current event: it was delivered, or given up on.
        if (_cache.NextOf(StreamId, _nextSlot, MinOffset) is not { } next)
        {
            Current = null;
            _currentSlot = -1;
            _nextSlot = Math.Max(_nextSlot, _cache.EndSlot);
            return false;
        }

        (Current, _currentSlot) = next;
        _nextSlot = _currentSlot + 1;
        return true;
    }

    /// <summary>The oldest slot this cursor still needs; called under the cache's lock.</summary>
    internal long PinnedSlot()
    {
        if (_currentSlot >= 0) return _currentSlot;
        var slot = _cache.FirstPendingSlot(StreamId, _nextSlot);
        return slot;
    }

    public void Refresh(StreamSequenceToken token)
    {
        // Position is kept by slot; new events are found on the next MoveNext.
    }

    public void RecordDeliveryFailure()
    {
        // The failure handler writes the dead letter; the next MoveNext moves past the event.
    }

    public void Dispose() => _cache.Remove(this);
}
