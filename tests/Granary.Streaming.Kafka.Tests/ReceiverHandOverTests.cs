using Granary.Streaming.Kafka.Configuration;
using Granary.Streaming.Kafka.Tests.Mock;
using Granary.Streaming.Providers;
using Granary.Streams;
using Microsoft.Extensions.Logging.Abstractions;

namespace Granary.Streaming.Kafka.Tests;

/// <summary>
/// What the partition balancer relies on: a receiver released after a commit and a receiver acquired later (on
/// this silo or another, with an adapter of its own) resume exactly at the committed offset.
/// </summary>
[Collection(KafkaMockCollection.Name)]
public sealed class ReceiverHandOverTests(KafkaMockFixture mock)
{
    private readonly string _prefix = KafkaMockFixture.NewPrefix();

    [Fact]
    public async Task A_partition_acquired_after_a_release_resumes_from_the_committed_offset()
    {
        var options = new KafkaStreamOptions();
        mock.Configure(options, _prefix, 2, "handover");
        var streamId = StreamId.Create("handover", "k");
        using var first = new KafkaQueueAdapter("handover", options, NullLogger<KafkaQueueAdapter>.Instance);
        var partition = first.GetPartition(streamId);
        await first.EnqueueAsync(partition, QueueMessages.Create(streamId, 10), CancellationToken.None);

        var releasing = first.CreateReceiver(partition);
        Assert.Equal(0, await releasing.GetCommittedPositionAsync(CancellationToken.None));
        var read = await ReadAsync(releasing, 0, 6);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => (long)i), read.Select(r => r.Position));
        await releasing.CommitAsync(6, CancellationToken.None);
        await releasing.DisposeAsync();

        using var second = new KafkaQueueAdapter("handover", options, NullLogger<KafkaQueueAdapter>.Instance);
        await using var acquiring = second.CreateReceiver(partition);
        Assert.Equal(6, await acquiring.GetCommittedPositionAsync(CancellationToken.None));
        var rest = await ReadAsync(acquiring, 6, 100);
        Assert.Equal(["6", "7", "8", "9"], rest.Select(r => r.Message.EventId));
        Assert.All(rest, r => Assert.Equal(streamId, r.Message.StreamId));
    }

    /// <summary>Reads until <paramref name="count"/> records arrived or the partition is drained (a read that waited a poll interval returned none).</summary>
    private static async Task<List<QueueRecord>> ReadAsync(IQueueReceiver receiver, long from, int count)
    {
        var records = new List<QueueRecord>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (records.Count < count)
        {
            var batch = await receiver.ReadAsync(from + records.Count, count - records.Count, deadline.Token);
            if (batch.Count == 0 && records.Count > 0) break;
            records.AddRange(batch);
        }

        return records;
    }
}
