using Granary.Streaming.Kafka.Configuration;
using Granary.Streaming.Kafka.Tests.Mock;
using Granary.Streams;
using Microsoft.Extensions.Logging.Abstractions;

namespace Granary.Streaming.Kafka.Tests;

/// <summary>
/// The producer's buffer is bounded: with the broker down, publishing past <c>MaxBufferedMessages</c> waits for room,
/// succeeds once the broker is back and the buffer drains, and fails naming the setting if no room comes in time.
/// </summary>
[Collection(KafkaMockCollection.Name)]
public sealed class ProducerBackPressureTests(KafkaMockFixture mock) : IDisposable
{
    private readonly string _prefix = KafkaMockFixture.NewPrefix();
    private readonly StreamId _stream = StreamId.Create("pressure", "k");

    [Fact]
    public async Task A_full_buffer_fails_publishing_after_the_timeout_naming_the_setting()
    {
        using var adapter = Adapter(TimeSpan.FromMilliseconds(200));
        await adapter.EnqueueAsync(adapter.GetPartition(_stream), QueueMessages.Create(_stream, 1), CancellationToken.None);
        mock.Cluster.SetDown();

        var failure = await Assert.ThrowsAsync<KafkaStreamException>(() => adapter.EnqueueAsync(adapter.GetPartition(_stream), QueueMessages.Create(_stream, 10), CancellationToken.None));
        Assert.Contains("MaxBufferedMessages", failure.Message, StringComparison.Ordinal);
        Assert.Contains("stayed full", failure.Message, StringComparison.Ordinal);
        // Back up before the adapter is disposed, so its flush of the buffered messages does not wait out the outage.
        mock.Cluster.SetUp();
    }

    [Fact]
    public async Task Publishing_into_a_full_buffer_waits_and_completes_once_the_broker_is_back()
    {
        using var adapter = Adapter(TimeSpan.FromSeconds(20));
        var partition = adapter.GetPartition(_stream);
        await adapter.EnqueueAsync(partition, QueueMessages.Create(_stream, 1), CancellationToken.None);
        mock.Cluster.SetDown();

        var publishing = adapter.EnqueueAsync(partition, QueueMessages.Create(_stream, 10), CancellationToken.None);
        Assert.False(publishing.IsCompleted);
        mock.Cluster.SetUp();
        await publishing.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(11, await adapter.ResolvePositionAsync(partition, StreamPosition.Latest, CancellationToken.None));
    }

    public void Dispose() => mock.Cluster.SetUp();

    private KafkaQueueAdapter Adapter(TimeSpan bufferFullTimeout)
    {
        var options = new KafkaStreamOptions { MaxBufferedMessages = 5, BufferFullTimeout = bufferFullTimeout, DeliveryTimeout = TimeSpan.FromSeconds(30) };
        mock.Configure(options, _prefix, 1, "pressure");
        return new KafkaQueueAdapter("pressure", options, NullLogger<KafkaQueueAdapter>.Instance);
    }
}
