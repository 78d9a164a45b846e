using System.Buffers.Binary;
using System.Diagnostics;
using Confluent.Kafka;

namespace Orleans.Streaming.Kafka.Benchmarks;

/// <summary>
/// The baseline: Confluent.Kafka alone with the provider's client settings (idempotent producer, same linger,
/// Nagle off, same fetch wait), publishers awaiting each ack, one consumer assigned every partition.
/// </summary>
internal sealed class BareKafkaLoop : IDisposable
{
    private readonly IProducer<string, byte[]> _producer;
    private readonly IConsumer<string, byte[]> _consumer;
    private readonly string _topic;
    private readonly LatencySink _sink;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _consuming;

    public BareKafkaLoop(string bootstrap, string topic, int partitions, LatencySink sink)
    {
        _topic = topic;
        _sink = sink;
        _producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrap, EnableIdempotence = true, LingerMs = 1, SocketNagleDisable = true,
        }).Build();
        _consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap, GroupId = topic + ".bare", EnableAutoCommit = false, FetchWaitMaxMs = 5, SocketNagleDisable = true,
        }).Build();
        // Explicit offsets: Offset.End resolves asynchronously and would skip what is published meanwhile.
        _consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(
            topic, p, _consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10)).High)));
        _consuming = new Thread(Consume) { IsBackground = true, Name = "bare consumer" };
        _consuming.Start();
    }

    public async Task PublishAsync(string key)
    {
        var value = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(value, Stopwatch.GetTimestamp());
        await _producer.ProduceAsync(_topic, new Message<string, byte[]> { Key = key, Value = value });
    }

    public void Dispose()
    {
        _stop.Cancel();
        _consuming.Join();
        _consumer.Close();
        _consumer.Dispose();
        _producer.Dispose();
        _stop.Dispose();
    }

    private void Consume()
    {
        while (!_stop.IsCancellationRequested)
        {
            var result = _consumer.Consume(TimeSpan.FromMilliseconds(50));
            if (result is not null) _sink.Received(BinaryPrimitives.ReadInt64LittleEndian(result.Message.Value));
        }
    }
}
