using System.Globalization;

namespace Orleans.Streaming.Kafka;

/// <summary>
/// The position of an event in its Kafka partition: <see cref="SequenceNumber"/> is the record's offset. Consumers
/// that keep the last token they handled make their effects exactly-once and can resubscribe from it. To start a
/// subscription elsewhere, pass <see cref="Earliest"/>, <see cref="FromOffset"/> or <see cref="FromTime"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed class KafkaSequenceToken : StreamSequenceToken
{
    /// <summary>Creates the token of the record at <paramref name="offset"/>.</summary>
    public KafkaSequenceToken(long offset, int eventIndex = 0)
    {
        SequenceNumber = offset;
        EventIndex = eventIndex;
    }

    /// <summary>The offset of the record in its partition.</summary>
    [Id(0)]
    public override long SequenceNumber { get; protected set; }

    /// <summary>The event's index within its record (always 0: one event per record).</summary>
    [Id(1)]
    public override int EventIndex { get; protected set; }

    /// <summary>When set, a request to start at the first record published at or after this time.</summary>
    [Id(2)]
    public DateTimeOffset? StartTime { get; private set; }

    /// <summary>A start at the oldest record Kafka still retains.</summary>
    public static KafkaSequenceToken Earliest => new(0);

    /// <summary>A start at the given offset (clamped to what Kafka retains).</summary>
    public static KafkaSequenceToken FromOffset(long offset) => new(offset);

    /// <summary>A start at the first record published at or after <paramref name="time"/>.</summary>
    public static KafkaSequenceToken FromTime(DateTimeOffset time) => new(-1) { StartTime = time };

    /// <inheritdoc />
    public override bool Equals(StreamSequenceToken? other) =>
        other is not null && other.SequenceNumber == SequenceNumber && other.EventIndex == EventIndex
        && (other as KafkaSequenceToken)?.StartTime == StartTime;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is StreamSequenceToken token && Equals(token);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(SequenceNumber, EventIndex, StartTime);

    /// <inheritdoc />
    public override int CompareTo(StreamSequenceToken? other)
    {
        if (other is null) return 1;
        var difference = SequenceNumber.CompareTo(other.SequenceNumber);
        return difference != 0 ? difference : EventIndex.CompareTo(other.EventIndex);
    }

    /// <inheritdoc />
    public override string ToString() => StartTime is { } time
        ? string.Create(CultureInfo.InvariantCulture, $"[Kafka from {time:O}]")
        : string.Create(CultureInfo.InvariantCulture, $"[Kafka offset {SequenceNumber}]");
}
