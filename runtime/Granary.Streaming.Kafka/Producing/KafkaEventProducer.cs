using System.Diagnostics;
using Confluent.Kafka;
using Granary.Streaming.Kafka.Configuration;

namespace Granary.Streaming.Kafka.Producing;

/// <summary>
/// The provider's one idempotent producer. A batch is handed to librdkafka in order (it batches with linger and
/// keeps the order through retries) and completes only when the broker acknowledged every message. When the
/// bounded buffer is full, publishing waits for room (back-pressure) and fails after <c>BufferFullTimeout</c>.
/// </summary>
internal sealed class KafkaEventProducer : IDisposable
{
    private static readonly TimeSpan FullPause = TimeSpan.FromMilliseconds(5);
    private readonly string _provider;
    private readonly KafkaStreamOptions _options;
    private readonly IProducer<byte[], byte[]> _producer;

    public KafkaEventProducer(string provider, KafkaStreamOptions options, KafkaClientFactory clients)
    {
        _provider = provider;
        _options = options;
        _producer = clients.CreateProducer();
    }

    public Handle Handle => _producer.Handle;

    public async Task ProduceAsync(TopicPartition destination, IReadOnlyList<Message<byte[], byte[]>> messages, CancellationToken cancellationToken)
    {
        var acks = new BatchAcknowledgement(messages.Count);
        foreach (var message in messages) await ProduceOneAsync(destination, message, acks.OnDelivered, cancellationToken);
        var failure = await acks.Task.WaitAsync(cancellationToken);
        if (failure is not null) throw Describe(destination, failure);
    }

    public void Flush(TimeSpan timeout) => _producer.Flush(timeout);

    public void Dispose() => _producer.Dispose();

    private async Task ProduceOneAsync(
        TopicPartition destination, Message<byte[], byte[]> message, Action<DeliveryReport<byte[], byte[]>> onDelivered, CancellationToken cancellationToken)
    {
        var waiting = 0L;
        while (true)
        {
            try
            {
                _producer.Produce(destination, message, onDelivered);
                return;
            }
            catch (ProduceException<byte[], byte[]> full) when (full.Error.Code == ErrorCode.Local_QueueFull)
            {
                // Back-pressure: the next messages wait behind this one, so the batch keeps its order.
                if (waiting == 0) waiting = Stopwatch.GetTimestamp();
                else if (Stopwatch.GetElapsedTime(waiting) > _options.BufferFullTimeout)
                {
                    throw new KafkaStreamException(
                        $"Kafka stream provider '{_provider}': the producer buffer ({_options.MaxBufferedMessages} messages, "
                        + $"Granary:Streams:{_provider}:MaxBufferedMessages) stayed full for {_options.BufferFullTimeout} "
                        + $"(BufferFullTimeout) publishing to {destination}; the broker is slow or unreachable.", full);
                }

                await Task.Delay(FullPause, cancellationToken);
            }
        }
    }

    private KafkaStreamException Describe(TopicPartition destination, Error error) => error.Code == ErrorCode.Local_MsgTimedOut
        ? new KafkaStreamException(
            $"Kafka stream provider '{_provider}': the broker did not acknowledge an event for {destination} within {_options.DeliveryTimeout} "
            + $"(Granary:Streams:{_provider}:DeliveryTimeout); the broker is down or unreachable. The event may not have been written.")
        : new KafkaStreamException($"Kafka stream provider '{_provider}': publishing to {destination} failed: {error.Code} {error.Reason}.");

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
