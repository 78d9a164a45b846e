using Orleans.Streaming.Kafka.Wire;

namespace Orleans.Streaming.Kafka.Caching;

/// <summary>
/// One partition's events in offset order, each kept until every cursor of its stream has moved past it; then it
/// is purged and its offset becomes committable. A cursor asking for an offset before the cache, for Earliest or
/// for a time is served by a <see cref="KafkaRewindCursor"/> that reads Kafka back up to where the cache begins,
/// instead of Orleans' usual QueueCacheMissException.
/// </summary>
internal sealed class KafkaQueueCache(PartitionLink link, int capacity, KafkaRewinds rewinds) : IQueueCache
{
    private readonly Lock _lock = new();
    private readonly List<KafkaBatchContainer> _items = [];
    private readonly Dictionary<StreamId, StreamSlots> _streams = [];
    private readonly HashSet<KafkaCacheCursor> _cursors = [];
    private long _firstSlot;

    public int Room
    {
        get
        {
            lock (_lock) return Math.Max(capacity - _items.Count, 0);
        }
    }

    /// <summary>Every record of the partition from this offset on is in the cache (or was undecodable); -1 before reading started.</summary>
    public long CoverageStart
    {
        get
        {
            lock (_lock) return _items.Count > 0 ? _items[0].Offset : link.ReadPosition;
        }
    }

    public int GetMaxAddCount()
    {
        // A pending wake-up must get through even when the cache is full, or a rewind pinning it would wait forever.
        var room = Room;
        return room > 0 ? room : link.HasWakeUps ? 1 : 0;
    }

    public void AddToCache(IList<IBatchContainer> messages)
    {
        lock (_lock)
        {
            foreach (var message in messages)
            {
                if (message is not KafkaBatchContainer batch) continue;
                var slot = _firstSlot + _items.Count;
                _items.Add(batch);
                if (!_streams.TryGetValue(batch.StreamId, out var slots)) _streams[batch.StreamId] = slots = new StreamSlots();
                slots.Add(slot);
            }
        }
    }

    public bool TryPurgeFromCache(out IList<IBatchContainer> purgedItems)
    {
        lock (_lock)
        {
            var keepFrom = _firstSlot + _items.Count;
            foreach (var cursor in _cursors) keepFrom = Math.Min(keepFrom, cursor.PinnedSlot());
            var count = (int)(keepFrom - _firstSlot);
            purgedItems = _items.GetRange(0, count).ToList<IBatchContainer>();
            for (var i = 0; i < count; i++)
            {
                var slots = _streams[_items[i].StreamId];
                slots.RemoveOldest();
                if (slots.IsEmpty) _streams.Remove(_items[i].StreamId);
            }

            _items.RemoveRange(0, count);
            _firstSlot += count;
            var coverage = _items.Count > 0 ? _items[0].Offset : link.ReadPosition;
            if (coverage <= link.Committable) return false;
            // The receiver commits this; reporting an empty purge still moves past undecodable records.
            link.Committable = coverage;
            return true;
        }
    }

    public IQueueCacheCursor GetCacheCursor(StreamId streamId, StreamSequenceToken? token)
    {
        lock (_lock)
        {
            var coverage = _items.Count > 0 ? _items[0].Offset : link.ReadPosition;
            var rewind = token is KafkaSequenceToken { StartTime: not null } || (token is not null && coverage >= 0 && token.SequenceNumber < coverage);
            // The agent re-positions a cursor at a token its consumer already has (the event it just declined) and then
            // moves once to skip it: a rewinding cursor cannot answer that move yet, so it starts after the token instead.
            var repositioning = rewind && _cursors.Any(c => c.StreamId == streamId && c.Owner.Current?.Offset == token!.SequenceNumber);
            var cursor = new KafkaCacheCursor(this, streamId, rewind ? _firstSlot : StartSlot(token), rewind ? long.MinValue : token?.SequenceNumber ?? long.MinValue);
            _cursors.Add(cursor);
            return rewind ? rewinds.Start(cursor, token!, coverage, repositioning) : cursor;
        }
    }

    public bool IsUnderPressure() => Room == 0 && !link.HasWakeUps;

    /// <summary>The event with this token still in the cache or under a cursor, for a dead letter.</summary>
    public KafkaBatchContainer? Find(StreamId streamId, StreamSequenceToken? token)
    {
        if (token is null) return null;
        lock (_lock)
        {
            foreach (var cursor in _cursors)
            {
                if (cursor.Owner?.Current is { } current && current.StreamId == streamId && current.Offset == token.SequenceNumber) return current;
            }

            var slot = SlotOfOffset(token.SequenceNumber);
            return slot < _items.Count && _items[slot].Offset == token.SequenceNumber && _items[slot].StreamId == streamId ? _items[slot] : null;
        }
    }

    internal (KafkaBatchContainer Batch, long Slot)? NextOf(StreamId streamId, long fromSlot, long minOffset)
    {
        lock (_lock)
        {
            if (!_streams.TryGetValue(streamId, out var slots)) return null;
            var slot = slots.FirstFrom(Math.Max(fromSlot, _firstSlot));
            while (slot >= 0 && _items[(int)(slot - _firstSlot)].Offset < minOffset) slot = slots.FirstFrom(slot + 1);
            return slot < 0 ? null : (_items[(int)(slot - _firstSlot)], slot);
        }
    }

    internal long EndSlot
    {
        get
        {
            lock (_lock) return _firstSlot + _items.Count;
        }
    }

    /// <summary>The first slot of the stream at or after <paramref name="fromSlot"/>, where an idle cursor holds the cache; MaxValue when none.</summary>
    internal long FirstPendingSlot(StreamId streamId, long fromSlot)
    {
        // Called under the lock by TryPurgeFromCache.
        if (!_streams.TryGetValue(streamId, out var slots)) return long.MaxValue;
        var slot = slots.FirstFrom(Math.Max(fromSlot, _firstSlot));
        return slot < 0 ? long.MaxValue : slot;
    }

    internal void Remove(KafkaCacheCursor cursor)
    {
        lock (_lock) _cursors.Remove(cursor);
    }

    private long StartSlot(StreamSequenceToken? token) => token is null ? _firstSlot + _items.Count : _firstSlot + SlotOfOffset(token.SequenceNumber);

    /// <summary>Index of the first item at or after the offset (offsets only grow along the cache).</summary>
    private int SlotOfOffset(long offset)
    {
        int low = 0, high = _items.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (_items[middle].Offset < offset) low = middle + 1;
            else high = middle;
        }

        return low;
    }
}
