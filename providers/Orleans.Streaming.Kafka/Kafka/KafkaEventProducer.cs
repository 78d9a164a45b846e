using Confluent.Kafka;

namespace Orleans.Streaming.Kafka.Kafka;

/// <summary>
/// The provider's one idempotent producer. A batch is handed to librdkafka in order (it batches with linger and
/// keeps the order through retries) and completes only when the broker acknowledged every record, so nothing a
/// publisher saw succeed can be lost. When the bounded buffer is full, publishing waits for room
/// (back-pressure) and fails after <c>BufferFullTimeout</c>.
/// </summary>
internal sealed class KafkaEventProducer : IDisposable
{
    private static readonly TimeSpan FullPause = TimeSpan.FromMilliseconds(5);
    private readonly KafkaStreamOptions _options;
    private readonly string _section;
    private readonly TimeProvider _time;
    private readonly IProducer<byte[], byte[]> _producer;

    public KafkaEventProducer(KafkaClientFactory clients, TimeProvider time)
    {
        _options = clients.Options;
        _section = KafkaStreamOptions.SectionName(clients.ProviderName);
        _time = time;
        _producer = clients.CreateProducer();
    }

    /// <summary>The librdkafka handle, for admin requests that share the producer's connections.</summary>
    public Handle Handle => _producer.Handle;

    public async Task ProduceAsync(TopicPartition destination, IReadOnlyList<Message<byte[], byte[]>> messages, CancellationToken cancellationToken)
    {
        var acks = new BatchAcknowledgement(messages.Count);
        foreach (var message in messages) await ProduceOneAsync(destination, message, acks.OnDelivered, cancellationToken);
        var failure = await acks.Task.WaitAsync(cancellationToken);
        if (failure is not null) throw Describe(destination, failure);
    }

    /// <summary>Blocks until everything buffered is acknowledged or the timeout passes; call it on a dedicated thread.</summary>
    public void Flush(TimeSpan timeout) => _producer.Flush(timeout);

    /// <summary>
    /// Waits (blocking) until every buffered record is acknowledged or timed out, then closes the producer:
    /// delivery reports arriving after the handle is gone would crash the process.
    /// </summary>
    public void Dispose()
    {
        _producer.Flush(_options.DeliveryTimeout + TimeSpan.FromSeconds(1));
        KafkaClientFactory.Release(_producer);
    }

    private async Task ProduceOneAsync(
        TopicPartition destination, Message<byte[], byte[]> message, Action<DeliveryReport<byte[], byte[]>> onDelivered, CancellationToken cancellationToken)
    {
        long? waitingSince = null;
        while (true)
        {
            try
            {
                _producer.Produce(destination, message, onDelivered);
                return;
            }
            catch (ProduceException<byte[], byte[]> full) when (full.Error.Code == Confluent.Kafka.ErrorCode.Local_QueueFull)
            {
                // Back-pressure: the next records wait behind this one, so the batch keeps its order.
                waitingSince ??= _time.GetTimestamp();
                if (_time.GetElapsedTime(waitingSince.Value) > _options.BufferFullTimeout)
                {
                    throw new KafkaStreamException(
                        $"The producer buffer ({_options.MaxBufferedMessages} records, {_section}:MaxBufferedMessages) stayed full for "
                        + $"{_options.BufferFullTimeout} ({_section}:BufferFullTimeout) publishing to {destination}; the broker is slow or unreachable.", full);
                }

                await Task.Delay(FullPause, _time, cancellationToken);
            }
        }
    }

    private KafkaStreamException Describe(TopicPartition destination, Error error) => error.Code == Confluent.Kafka.ErrorCode.Local_MsgTimedOut
        ? new KafkaStreamException(
            $"The broker did not acknowledge an event for {destination} within {_options.DeliveryTimeout} ({_section}:DeliveryTimeout); "
            + "the broker is down or unreachable. The event may not have been written.")
        : new KafkaStreamException($"Publishing to {destination} failed: {error.Code} {error.Reason}.");

    /// <summary>Counts the delivery reports of one batch; the first error fails it.</summary>
    private sealed class BatchAcknowledgement(int count)
    {
        private readonly TaskCompletionSource<Error?> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _remaining = count;

        public Task<Error?> Task => _done.Task;

        public void OnDelivered(DeliveryReport<byte[], byte[]> report)
        {
            if (report.Error.IsError) _done.TrySetResult(report.Error);
            else if (Interlocked.Decrement(ref _remaining) == 0) _done.TrySetResult(null);
        }
    }
}
