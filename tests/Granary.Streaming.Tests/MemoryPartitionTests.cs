using Granary.Streaming.Configuration;
using Granary.Streaming.Memory;
using Granary.Streaming.Providers;
using Granary.Streams;
using Granary.Testing;

namespace Granary.Streaming.Tests;

public sealed class MemoryPartitionTests
{
    private readonly ManualTimeProvider _clock = new();

    private MemoryPartition Partition(int maxRetained = 100, TimeSpan? retention = null) =>
        new(0, new MemoryStreamOptions { MaxRetainedEventsPerPartition = maxRetained, RetentionPeriod = retention ?? TimeSpan.FromHours(1) }, _clock);

    private QueueMessage Message(int n) => new(StreamId.Create("ns", "k"), StreamEventKind.Item, n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "int", "test", ReadOnlyMemory<byte>.Empty, new Dictionary<string, string>(), _clock.GetUtcNow());

    [Fact]
    public async Task Reads_return_events_from_a_position_in_order()
    {
        var partition = Partition();
        partition.Append([Message(0), Message(1), Message(2)]);
        var read = await partition.ReadAsync(1, 10, CancellationToken.None);
        Assert.Equal([1L, 2L], read.Select(r => r.Position));
        Assert.Equal("1", read[0].Message.EventId);
    }

    [Fact]
    public async Task A_waiting_read_wakes_when_an_event_is_appended()
    {
        var partition = Partition();
        var read = partition.ReadAsync(0, 10, CancellationToken.None);
        Assert.False(read.IsCompleted);
        partition.Append([Message(0)]);
        Assert.Single(await read.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Only_committed_events_are_trimmed_by_count()
    {
        var partition = Partition(maxRetained: 1);
        partition.Append([Message(0), Message(1), Message(2), Message(3)]);
        Assert.Equal(0, partition.Resolve(StreamPosition.Earliest));
        partition.Commit(3);
        Assert.Equal(2, partition.Resolve(StreamPosition.Earliest));
        Assert.Equal([2L, 3L], (await partition.ReadAsync(0, 10, CancellationToken.None)).Select(r => r.Position));
    }

    [Fact]
    public void Committed_events_older_than_the_retention_are_trimmed()
    {
        var partition = Partition(retention: TimeSpan.FromMinutes(5));
        partition.Append([Message(0), Message(1)]);
        _clock.Advance(TimeSpan.FromMinutes(10));
        partition.Append([Message(2)]);
        partition.Commit(3);
        Assert.Equal(2, partition.Resolve(StreamPosition.Earliest));
    }

    [Fact]
    public void Positions_resolve_by_kind()
    {
        var partition = Partition();
        partition.Append([Message(0)]);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var later = _clock.GetUtcNow();
        partition.Append([Message(1), Message(2)]);
        Assert.Equal(3, partition.Resolve(StreamPosition.Latest));
        Assert.Equal(0, partition.Resolve(StreamPosition.Earliest));
        Assert.Equal(1, partition.Resolve(StreamPosition.At(later)));
        Assert.Equal(2, partition.Resolve(StreamPosition.At(new EventSequenceToken(2))));
        Assert.Equal(3, partition.Resolve(StreamPosition.At(new EventSequenceToken(99))));
    }
}
