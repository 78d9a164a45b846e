using Granary.Streaming.Configuration;
using Granary.Streaming.Providers;
using Granary.Streams;

namespace Granary.Streaming.Memory;

/// <summary>
/// One partition of the in-memory queue: an append-only list with positions, a committed position, and
/// retention of committed events for rewinds. Uncommitted events are never trimmed.
/// </summary>
internal sealed class MemoryPartition(int partition, MemoryStreamOptions options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly List<QueueRecord> _records = [];
    private long _first;
    private long _next;
    private long _committed;
    private TaskCompletionSource _appended = NewSignal();

    public int Partition { get; } = partition;

    public void Append(IReadOnlyList<QueueMessage> messages)
    {
        TaskCompletionSource appended;
        lock (_lock)
        {
            foreach (var message in messages) _records.Add(new QueueRecord(Partition, _next++, message));
            appended = _appended;
            _appended = NewSignal();
        }

        appended.TrySetResult();
    }

    public async Task<IReadOnlyList<QueueRecord>> ReadAsync(long from, int maxCount, CancellationToken cancellationToken)
    {
        Task wait;
        lock (_lock)
        {
            if (TryTake(from, maxCount) is { } records) return records;
            wait = _appended.Task;
        }

        try
        {
            await wait.WaitAsync(options.PollInterval, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            return [];
        }

        lock (_lock) return TryTake(from, maxCount) ?? [];
    }

    public long Committed
    {
        get { lock (_lock) return _committed; }
    }

    public void Commit(long position)
    {
        lock (_lock)
        {
            _committed = Math.Clamp(position, _committed, _next);
            Trim();
        }
    }

    public long Resolve(StreamPosition position)
    {
        lock (_lock)
        {
            Trim();
            return position.Kind switch
            {
                StreamPositionKind.Earliest => _first,
                StreamPositionKind.Token => Math.Clamp(position.Token!.SequenceNumber, _first, _next),
                StreamPositionKind.Time => _records.Find(r => r.Message.Timestamp >= position.Time!.Value)?.Position ?? _next,
                _ => _next,
            };
        }
    }

    private List<QueueRecord>? TryTake(long from, int maxCount)
    {
        var start = Math.Max(from, _first);
        if (start >= _next) return null;
        var index = (int)(start - _first);
        return _records.GetRange(index, Math.Min(maxCount, _records.Count - index));
    }

    private void Trim()
    {
        var oldest = time.GetUtcNow() - options.RetentionPeriod;
        var remove = 0;
        // Only committed events go: an event every subscriber has not yet had must stay readable.
        while (_first + remove < _committed
            && (_committed - (_first + remove) > options.MaxRetainedEventsPerPartition || _records[remove].Message.Timestamp < oldest))
        {
            remove++;
        }

        if (remove == 0) return;
        _records.RemoveRange(0, remove);
        _first += remove;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
