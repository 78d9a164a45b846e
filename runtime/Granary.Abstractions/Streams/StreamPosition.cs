namespace Granary.Streams;

/// <summary>Where a new subscription starts reading: the earliest retained event, new events only, a token or a time.</summary>
public readonly record struct StreamPosition
{
    private StreamPosition(StreamPositionKind kind, StreamSequenceToken? token, DateTimeOffset? time)
    {
        Kind = kind;
        Token = token;
        Time = time;
    }

    /// <summary>What kind of position this is.</summary>
    public StreamPositionKind Kind { get; }

    /// <summary>The token to start at (inclusive) when <see cref="Kind"/> is <see cref="StreamPositionKind.Token"/>.</summary>
    public StreamSequenceToken? Token { get; }

    /// <summary>The first event published at or after this time when <see cref="Kind"/> is <see cref="StreamPositionKind.Time"/>.</summary>
    public DateTimeOffset? Time { get; }

    /// <summary>Only events published after the subscription (the default, as in Orleans).</summary>
    public static StreamPosition Latest { get; } = new(StreamPositionKind.Latest, null, null);

    /// <summary>The oldest event the provider still retains.</summary>
    public static StreamPosition Earliest { get; } = new(StreamPositionKind.Earliest, null, null);

    /// <summary>The event at <paramref name="token"/> and everything after it (the oldest retained event if it has expired).</summary>
    public static StreamPosition At(StreamSequenceToken token) =>
        new(StreamPositionKind.Token, token ?? throw new ArgumentNullException(nameof(token)), null);

    /// <summary>The first event published at or after <paramref name="time"/>.</summary>
    public static StreamPosition At(DateTimeOffset time) => new(StreamPositionKind.Time, null, time);

    /// <summary>A token as a position; null means <see cref="Latest"/>.</summary>
    public static implicit operator StreamPosition(StreamSequenceToken? token) => token is null ? Latest : At(token);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        StreamPositionKind.Token => $"token {Token}",
        StreamPositionKind.Time => $"time {Time:O}",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}

/// <summary>The kinds of <see cref="StreamPosition"/>.</summary>
public enum StreamPositionKind
{
    /// <summary>Only events published after the subscription.</summary>
    Latest,

    /// <summary>The oldest retained event.</summary>
    Earliest,

    /// <summary>A stream sequence token.</summary>
    Token,

    /// <summary>A publication time.</summary>
    Time,
}
