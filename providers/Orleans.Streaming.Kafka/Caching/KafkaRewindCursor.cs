using System.Collections.Concurrent;
using Confluent.Kafka;
using Orleans.Streaming.Kafka.Kafka;
using Orleans.Streaming.Kafka.Wire;

namespace Orleans.Streaming.Kafka.Caching;

/// <summary>
/// A subscription that starts before the cache. A thread of its own reads the partition from the requested start
/// up to <c>boundary</c> (where the cache began when the cursor was made) and keeps this stream's records; the
/// cursor hands them out, then continues in the cache at the boundary, which its live cursor pinned from the start.
/// No event is skipped and none is given twice. Reading is bounded: it pauses while enough records wait.
/// </summary>
internal sealed class KafkaRewindCursor : IQueueCacheCursor, IDeliveringCursor
{
    private const int MaxBuffered = 1024;
    private readonly ConcurrentQueue<KafkaBatchContainer> _buffer = new();
    private readonly ManualResetEventSlim _room = new(true);
    private readonly CancellationTokenSource _stop = new();
    private readonly KafkaCacheCursor _live;
    private readonly PartitionLink _link;
    private readonly KafkaEventCodec _codec;
    private volatile bool _done;

    public KafkaRewindCursor(PartitionLink link, KafkaClientFactory clients, KafkaEventCodec codec, KafkaCacheCursor live, KafkaSequenceToken start, long boundary, KafkaRewinds rewinds)
    {
        _link = link;
        _codec = codec;
        _live = live;
        live.Owner = this;
        var thread = new Thread(() => Read(clients, start, boundary, rewinds)) { IsBackground = true, Name = $"kafka rewind {link.Queue.TopicPartition}" };
        thread.Start();
    }

    public KafkaBatchContainer? Current { get; private set; }

    /// <summary>Set when the agent's next move is meant to skip the token's event, which this cursor already starts after.</summary>
    public bool SwallowFirstMove { get; init; }

    private bool _swallowed;

    public IBatchContainer? GetCurrent(out Exception? exception)
    {
        exception = null;
        return Current;
    }

    public bool MoveNext()
    {
        if (SwallowFirstMove && !_swallowed)
        {
            _swallowed = true;
            Current = null;
            return false;
        }

        if (_buffer.TryDequeue(out var next))
        {
            Current = next;
            if (_buffer.Count < MaxBuffered / 2) _room.Set();
            return true;
        }

        // Checked after the buffer: the reader finishes adding before it says it is done.
        if (!_done)
        {
            Current = null;
            return false;
        }

        var moved = _live.MoveNext();
        Current = _live.Current;
        return moved;
    }

    public void Refresh(StreamSequenceToken token)
    {
    }

    public void RecordDeliveryFailure()
    {
    }

    public void Dispose()
    {
        _stop.Cancel();
        _room.Set();
        _live.Dispose();
    }

    private void Read(KafkaClientFactory clients, KafkaSequenceToken start, long boundary, KafkaRewinds rewinds)
    {
        var topicPartition = _link.Queue.TopicPartition;
        var stream = _live.StreamId;
        try
        {
            var from = KafkaPositions.Resolve(clients, topicPartition, start, start.SequenceNumber);
            // A start inside the cache needs no reading: the live cursor skips what comes before it.
            _live.MinOffset = from;
            if (from < boundary) ReadRange(clients, topicPartition, from, boundary);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception)
        {
            // On a thread of its own: nothing may escape, or the process ends.
            try
            {
                rewinds.Failed(stream, exception);
            }
            catch (Exception)
            {
                // The host is stopping and its loggers are gone.
            }
        }

        _done = true;
        _link.WakeUp(stream, new KafkaSequenceToken(boundary));
    }

    private void ReadRange(KafkaClientFactory clients, TopicPartition topicPartition, long from, long boundary)
    {
        var consumer = clients.CreateConsumer();
        try
        {
            ReadRange(consumer, topicPartition, from, boundary);
        }
        finally
        {
            KafkaClientFactory.Release(consumer);
        }
    }

    private void ReadRange(IConsumer<byte[], byte[]> consumer, TopicPartition topicPartition, long from, long boundary)
    {
        consumer.Assign(new TopicPartitionOffset(topicPartition, from));
        var key = _live.StreamId.Key;
        var next = from;
        while (next < boundary)
        {
            _room.Wait(_stop.Token);
            var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
            _stop.Token.ThrowIfCancellationRequested();
            var added = false;
            while (result is not null && result.Offset.Value < boundary)
            {
                next = result.Offset.Value + 1;
                if (_codec.Decode(_link.Queue.Namespace, result, out _) is { } batch && batch.StreamId.Key.Span.SequenceEqual(key.Span))
                {
                    _buffer.Enqueue(batch);
                    added = true;
                }

                if (_buffer.Count >= MaxBuffered || next >= boundary) break;
                result = consumer.Consume(TimeSpan.Zero);
            }

            if (result is not null && result.Offset.Value >= boundary) next = boundary;
            if (_buffer.Count >= MaxBuffered)
            {
                _room.Reset();
                // The cursor may have drained below half between the count and the reset: do not sleep through it.
                if (_buffer.Count < MaxBuffered / 2) _room.Set();
            }

            if (added) _link.WakeUp(_live.StreamId, new KafkaSequenceToken(next));
        }
    }
}
