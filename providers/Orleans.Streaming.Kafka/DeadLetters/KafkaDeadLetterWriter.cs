using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Orleans.Streaming.Kafka.Kafka;
using Orleans.Streaming.Kafka.Queues;
using Orleans.Streaming.Kafka.Wire;

namespace Orleans.Streaming.Kafka.DeadLetters;

/// <summary>
/// Writes events that could not be delivered or decoded to the dead-letter topic: the record as it was (key,
/// value, event headers) plus headers saying why and where from, so any Kafka tool can inspect and replay it.
/// </summary>
internal sealed class KafkaDeadLetterWriter(string topic, KafkaEventProducer producer, TimeProvider time)
{
    public Task WriteUndecodableAsync(KafkaQueue queue, ConsumeResult<byte[], byte[]> result, string error, CancellationToken cancellationToken)
    {
        var headers = new Headers();
        foreach (var header in result.Message.Headers ?? []) headers.Add(header.Key, header.GetValueBytes());
        var message = new Message<byte[], byte[]> { Key = result.Message.Key, Value = result.Message.Value, Headers = headers };
        AddReason(message, queue, result.Offset.Value, error, null, StreamId.Create(queue.Namespace, Encoding.UTF8.GetString(result.Message.Key ?? [])));
        return producer.ProduceAsync(new TopicPartition(topic, Partition.Any), [message], cancellationToken);
    }

    public Task WriteUndeliveredAsync(KafkaQueue queue, KafkaBatchContainer batch, GuidId subscription, string error, CancellationToken cancellationToken)
    {
        var headers = new Headers();
        void Add(string name, string? value)
        {
            if (value is not null) headers.Add(name, Encoding.UTF8.GetBytes(value));
        }

        Add(KafkaStreamHeaders.EventType, batch.EventType);
        Add(KafkaStreamHeaders.EventId, batch.EventId);
        Add(KafkaStreamHeaders.TraceParent, batch.TraceParent);
        var message = new Message<byte[], byte[]> { Key = batch.StreamId.Key.ToArray(), Value = batch.Payload, Headers = headers };
        AddReason(message, queue, batch.Offset, error, subscription.Guid.ToString("D"), batch.StreamId);
        return producer.ProduceAsync(new TopicPartition(topic, Partition.Any), [message], cancellationToken);
    }

    private void AddReason(Message<byte[], byte[]> message, KafkaQueue queue, long offset, string error, string? subscription, StreamId streamId)
    {
        void Add(string name, string value) => message.Headers.Add(name, Encoding.UTF8.GetBytes(value));
        Add(KafkaStreamHeaders.DeadLetterError, error);
        Add(KafkaStreamHeaders.DeadLetterStreamNamespace, streamId.GetNamespace() ?? "");
        Add(KafkaStreamHeaders.DeadLetterStreamKey, streamId.GetKeyAsString());
        if (subscription is not null) Add(KafkaStreamHeaders.DeadLetterSubscription, subscription);
        Add(KafkaStreamHeaders.DeadLetterSourceTopic, queue.TopicPartition.Topic);
        Add(KafkaStreamHeaders.DeadLetterSourcePartition, queue.TopicPartition.Partition.Value.ToString(CultureInfo.InvariantCulture));
        Add(KafkaStreamHeaders.DeadLetterSourceOffset, offset.ToString(CultureInfo.InvariantCulture));
        Add(KafkaStreamHeaders.DeadLetterFailedAt, time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
    }
}
