using System.Diagnostics;
using Confluent.Kafka;
using Orleans.Streaming.Kafka.Kafka;
using Orleans.Streaming.Kafka.Wire;

namespace Orleans.Streaming.Kafka.Queues;

/// <summary>
/// Publishes each event as one record to the partition Kafka's own partitioner picks for the stream key, and
/// creates a receiver per partition. Publishing completes when the broker acknowledged every record.
/// </summary>
internal sealed class KafkaQueueAdapter(string name, KafkaTopology topology, KafkaEventProducer producer, KafkaEventCodec codec, Func<QueueId, IQueueAdapterReceiver> receivers)
    : IQueueAdapter
{
    public string Name => name;

    public bool IsRewindable => true;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadWrite;

    public async Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        if (token is not null) throw new ArgumentException("Kafka assigns offsets; events cannot be published with a sequence token.", nameof(token));
        var queue = topology.QueueOf(streamId);
        using var activity = KafkaStreamsTelemetry.ActivitySource.StartActivity($"{queue.TopicPartition.Topic} publish", ActivityKind.Producer);
        activity?.SetTag("messaging.system", "kafka");
        activity?.SetTag("messaging.destination.name", queue.TopicPartition.Topic);
        activity?.SetTag("messaging.destination.partition.id", queue.TopicPartition.Partition.Value);
        var context = activity ?? Activity.Current;
        List<Message<byte[], byte[]>> messages = [.. events.Select(e => codec.Encode(streamId, e!, context))];
        if (messages.Count == 0) return;
        try
        {
            await producer.ProduceAsync(queue.TopicPartition, messages, CancellationToken.None);
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            throw;
        }
    }

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) => receivers(queueId);
}
