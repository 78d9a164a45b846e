using Granary.Streaming.Kafka.Configuration;
using Granary.Streaming.Kafka.Tests.Mock;
using Granary.Streams;
using Microsoft.Extensions.Logging.Abstractions;

namespace Granary.Streaming.Kafka.Tests;

/// <summary>
/// Positions by time: the mock cluster answers every ListOffsets-by-time with the end of the partition, so the adapter
/// checks the answer against the messages and searches the partition by timestamp when the broker was wrong.
/// </summary>
[Collection(KafkaMockCollection.Name)]
public sealed class KafkaPositionsTests(KafkaMockFixture mock)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_time_resolves_to_the_first_event_published_at_or_after_it()
    {
        var options = new KafkaStreamOptions();
        mock.Configure(options, KafkaMockFixture.NewPrefix(), 1, "times");
        using var adapter = new KafkaQueueAdapter("times", options, NullLogger<KafkaQueueAdapter>.Instance);
        var stream = StreamId.Create("times", "k");
        var messages = QueueMessages.Create(stream, 50).Select((m, i) => m with { Timestamp = Start.AddMinutes(i) }).ToArray();
        await adapter.EnqueueAsync(0, messages, CancellationToken.None);

        // Minutes after Start asked for, and the offset expected: before the first, on the first, inside, the last, after the last.
        foreach (var (minutes, expected) in ((int, long)[])[(-5, 0), (0, 0), (17, 17), (49, 49), (60, 50)])
        {
            var position = await adapter.ResolvePositionAsync(0, StreamPosition.At(Start.AddMinutes(minutes)), CancellationToken.None);
            Assert.True(expected == position, $"{minutes} minutes resolved to offset {position}, not {expected}");
        }
    }
}
