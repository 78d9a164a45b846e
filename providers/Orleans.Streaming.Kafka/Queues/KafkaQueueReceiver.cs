using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Orleans.Streaming.Kafka.Caching;
using Orleans.Streaming.Kafka.DeadLetters;
using Orleans.Streaming.Kafka.Kafka;
using Orleans.Streaming.Kafka.Wire;

namespace Orleans.Streaming.Kafka.Queues;

/// <summary>
/// Reads one partition with a consumer assigned to it at the group's committed offset, so a silo that takes the
/// queue over resumes where every subscriber had its events. It commits only what the cache purged. librdkafka
/// calls block, so they run on the receiver's own thread; the pulling agent never calls two methods at once.
/// </summary>
internal sealed partial class KafkaQueueReceiver(
    PartitionLink link, KafkaClientFactory clients, KafkaEventCodec codec, KafkaDeadLetterWriter deadLetters, ILogger<KafkaQueueReceiver> logger) : IQueueAdapterReceiver
{
    private readonly BlockingWorker _worker = new($"kafka {link.Queue.TopicPartition}");
    private readonly TopicPartition _topicPartition = link.Queue.TopicPartition;
    private IConsumer<byte[], byte[]>? _consumer;
    private long _committed = -1;

    public async Task Initialize(TimeSpan timeout)
    {
        var start = await _worker.RunAsync(() =>
        {
            _consumer = clients.CreateConsumer();
            var committed = _consumer.Committed([_topicPartition], timeout).Single().Offset;
            var offset = committed.IsSpecial ? _consumer.QueryWatermarkOffsets(_topicPartition, timeout).Low.Value : committed.Value;
            _consumer.Assign(new TopicPartitionOffset(_topicPartition, offset));
            return offset;
        }, CancellationToken.None);
        _committed = start;
        link.Committable = start;
        link.ReadPosition = start;
        LogStarted(_topicPartition.ToString(), start);
    }

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount) => GetQueueMessagesAsync(maxCount, CancellationToken.None);

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount, CancellationToken cancellationToken)
    {
        var batches = link.TakeWakeUps();
        var room = Math.Min(maxCount < 0 ? int.MaxValue : maxCount, link.Room);
        if (room <= 0 || _consumer is null) return batches;
        var timeout = batches.Count > 0 ? TimeSpan.Zero : clients.Options.PollTimeout;
        var results = await _worker.RunAsync(() => Read(room, timeout), cancellationToken);
        try
        {
            foreach (var result in results)
            {
                if (codec.Decode(link.Queue.Namespace, result, out var error) is { } batch)
                {
                    batches.Add(batch);
                    continue;
                }

                // An undecodable record must not stop its partition: it is set aside before the offset moves past it.
                await deadLetters.WriteUndecodableAsync(link.Queue, result, error!, cancellationToken);
                LogUndecodable(_topicPartition.ToString(), result.Offset.Value, error!);
            }
        }
        catch (Exception)
        {
            // Nothing of this read reaches the cache: the next read starts over at the same records, and the
            // wake-ups taken for it are handed out again.
            await _worker.RunAsync(() => _consumer.Assign(new TopicPartitionOffset(_topicPartition, link.ReadPosition)), CancellationToken.None);
            foreach (var wakeUp in batches.OfType<KafkaWakeUp>()) link.WakeUp(wakeUp.StreamId, (KafkaSequenceToken)wakeUp.SequenceToken);
            throw;
        }

        // Only now, in the turn that adds them to the cache, does the read position move past these records.
        if (results.Count > 0) link.ReadPosition = results[^1].Offset.Value + 1;
        return batches;
    }

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) => MessagesDeliveredAsync(messages, CancellationToken.None);

    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages, CancellationToken cancellationToken) => CommitAsync(cancellationToken);

    public async Task Shutdown(TimeSpan timeout)
    {
        try
        {
            await CommitAsync(CancellationToken.None);
        }
        catch (KafkaException exception)
        {
            LogCommitFailed(_topicPartition.ToString(), link.Committable, exception);
        }

        await _worker.RunAsync(() =>
        {
            // Close ends the assignment; there is no group membership to leave, so it does not wait for a rebalance.
            if (_consumer is not null) KafkaClientFactory.Release(_consumer);
        }, CancellationToken.None);
        _worker.Dispose();
    }

    private async Task CommitAsync(CancellationToken cancellationToken)
    {
        var offset = link.Committable;
        if (offset <= _committed || _consumer is null) return;
        await _worker.RunAsync(() => _consumer.Commit([new TopicPartitionOffset(_topicPartition, offset)]), cancellationToken);
        _committed = offset;
    }

    private List<ConsumeResult<byte[], byte[]>> Read(int maxCount, TimeSpan timeout)
    {
        var results = new List<ConsumeResult<byte[], byte[]>>();
        var result = _consumer!.Consume(timeout);
        while (result is not null)
        {
            results.Add(result);
            if (results.Count >= maxCount) break;
            result = _consumer.Consume(TimeSpan.Zero);
        }

        return results;
    }
}
