using Confluent.Kafka;
using Granary.Streaming.Kafka.Configuration;
using Granary.Streaming.Kafka.Wire;
using Granary.Streaming.Providers;

namespace Granary.Streaming.Kafka.Consuming;

/// <summary>
/// Reads one topic partition with a consumer of its own that is assigned that partition at an explicit offset.
/// The committed offset (the group's) is where reading resumes after a restart or a hand-over. librdkafka calls
/// block, so they run on a thread of the receiver's own; the owning agent never calls two methods at once.
/// </summary>
internal sealed class KafkaQueueReceiver(KafkaSlot slot, KafkaStreamOptions options, KafkaClientFactory clients) : IQueueReceiver
{
    // A blocking consume returns at least this often, so a cancelled read (a rewind, a stop) ends soon.
    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(50);
    private readonly TopicPartition _topicPartition = new(slot.Topic, slot.KafkaPartition);
    private readonly BlockingWorker _worker = new($"kafka {slot.Topic}[{slot.KafkaPartition}]");
    private IConsumer<byte[], byte[]>? _consumer;
    private long _next = -1;

    public int Partition => slot.Index;

    public Task<long> GetCommittedPositionAsync(CancellationToken cancellationToken) => _worker.RunAsync(() =>
    {
        var committed = Consumer.Committed([_topicPartition], options.RequestTimeout).Single().Offset;
        return committed.IsSpecial ? Consumer.QueryWatermarkOffsets(_topicPartition, options.RequestTimeout).Low.Value : committed.Value;
    }, cancellationToken);

    public Task<IReadOnlyList<QueueRecord>> ReadAsync(long from, int maxCount, CancellationToken cancellationToken) =>
        _worker.RunAsync(() => Read(from, maxCount, cancellationToken), cancellationToken);

    public Task CommitAsync(long position, CancellationToken cancellationToken) =>
        _worker.RunAsync(() =>
        {
            Consumer.Commit([new TopicPartitionOffset(_topicPartition, position)]);
            return position;
        }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _worker.RunAsync(() =>
        {
            // Close ends the assignment; there is no group membership to leave, so it does not wait for a rebalance.
            _consumer?.Close();
            _consumer?.Dispose();
            return true;
        }, CancellationToken.None);
        _worker.Dispose();
    }

    private IConsumer<byte[], byte[]> Consumer => _consumer ??= clients.CreateConsumer();

    private IReadOnlyList<QueueRecord> Read(long from, int maxCount, CancellationToken cancellationToken)
    {
        if (from != _next)
        {
            // First read, a rewind, or a new start: fetching restarts at the asked offset. An offset that is no
            // longer retained resets to the earliest retained one (auto.offset.reset=earliest).
            Consumer.Assign(new TopicPartitionOffset(_topicPartition, from));
            _next = from;
        }

        var records = new List<QueueRecord>();
        var waitUntil = DateTime.UtcNow + options.PollInterval;
        while (records.Count < maxCount)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var wait = records.Count > 0 ? TimeSpan.Zero : Min(Slice, waitUntil - DateTime.UtcNow);
            if (wait < TimeSpan.Zero) break;
            var result = Consumer.Consume(wait);
            if (result is null)
            {
                if (records.Count > 0) break;
                continue;
            }

            if (result.IsPartitionEOF) continue;
            records.Add(slot.External is null ? KafkaEventCodec.FromKafka(slot, result) : ExternalEventMapper.FromKafka(slot, result));
            _next = result.Offset.Value + 1;
        }

        return records;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
