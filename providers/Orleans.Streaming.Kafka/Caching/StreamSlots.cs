namespace Orleans.Streaming.Kafka.Caching;

/// <summary>The cache slots holding one stream's events, ascending; the oldest leave first as the cache purges.</summary>
internal sealed class StreamSlots
{
    private readonly List<long> _slots = [];
    private int _head;

    public bool IsEmpty => _head == _slots.Count;

    public void Add(long slot) => _slots.Add(slot);

    public void RemoveOldest()
    {
        _head++;
        // Compact once the dead prefix dominates, so memory follows the live window.
        if (_head > 64 && _head * 2 > _slots.Count)
        {
            _slots.RemoveRange(0, _head);
            _head = 0;
        }
    }

    /// <summary>The first slot at or after <paramref name="from"/>, or -1.</summary>
    public long FirstFrom(long from)
    {
        int low = _head, high = _slots.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (_slots[middle] < from) low = middle + 1;
            else high = middle;
        }

        return low < _slots.Count ? _slots[low] : -1;
    }
}
