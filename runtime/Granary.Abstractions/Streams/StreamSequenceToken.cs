namespace Granary.Streams;

/// <summary>
/// The position of an event in its stream, as in Orleans. Tokens of one stream are totally ordered:
/// a grain that keeps the token of the last event it applied (with its state) recognises a redelivered
/// event by a token that is not newer, and can pass a token to <c>SubscribeAsync</c>/<c>ResumeAsync</c>
/// to start again from there.
/// </summary>
public abstract class StreamSequenceToken : IEquatable<StreamSequenceToken>, IComparable<StreamSequenceToken>
{
    /// <summary>The position of the event's batch in its partition (the queue offset).</summary>
    public abstract long SequenceNumber { get; }

    /// <summary>The index of the event within its batch.</summary>
    public abstract int EventIndex { get; }

    /// <inheritdoc />
    public bool Equals(StreamSequenceToken? other) =>
        other is not null && SequenceNumber == other.SequenceNumber && EventIndex == other.EventIndex;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is StreamSequenceToken other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(SequenceNumber, EventIndex);

    /// <summary>Orders by sequence number, then event index; null sorts first.</summary>
    public int CompareTo(StreamSequenceToken? other)
    {
        if (other is null) return 1;
        var bySequence = SequenceNumber.CompareTo(other.SequenceNumber);
        return bySequence != 0 ? bySequence : EventIndex.CompareTo(other.EventIndex);
    }

    /// <summary>True when this token is after <paramref name="other"/> (or <paramref name="other"/> is null).</summary>
    public bool Newer(StreamSequenceToken? other) => CompareTo(other) > 0;

    /// <summary>True when this token is before <paramref name="other"/>.</summary>
    public bool Older(StreamSequenceToken? other) => other is not null && CompareTo(other) < 0;

    /// <inheritdoc />
    public override string ToString() => $"[{SequenceNumber}:{EventIndex}]";
}

/// <summary>The token of the built-in stream providers: a sequence number and an index within the batch.</summary>
public sealed class EventSequenceToken(long sequenceNumber, int eventIndex = 0) : StreamSequenceToken
{
    /// <inheritdoc />
    public override long SequenceNumber { get; } = sequenceNumber;

    /// <inheritdoc />
    public override int EventIndex { get; } = eventIndex;
}
