using Granary.Runtime;

namespace Granary.Streams;

/// <summary>
/// The identity of a stream: a namespace (a kind of stream, such as <c>orders</c>) and a key within it.
/// Keys of every shape are kept in the canonical string form grain keys use, so a stream keyed by a Guid
/// and the grain keyed by the same Guid share one key (implicit subscriptions rely on it).
/// </summary>
public readonly struct StreamId : IEquatable<StreamId>, IComparable<StreamId>
{
    private StreamId(string streamNamespace, string key)
    {
        Namespace = streamNamespace;
        Key = key;
    }

    /// <summary>The namespace, such as <c>orders</c>.</summary>
    public string Namespace { get; }

    /// <summary>The key within the namespace, in canonical grain-key form.</summary>
    public string Key { get; }

    /// <summary>True for the default, unassigned identity.</summary>
    public bool IsDefault => Namespace is null;

    /// <summary>A stream keyed by a string.</summary>
    public static StreamId Create(string streamNamespace, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamNamespace);
        ArgumentNullException.ThrowIfNull(key);
        // The namespace is the part before the first '/' of the text form, so it cannot hold one itself.
        if (streamNamespace.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Stream namespace '{streamNamespace}' contains '/', which separates the namespace from the key.", nameof(streamNamespace));
        }

        return new StreamId(streamNamespace, key);
    }

    /// <summary>A stream keyed by a Guid.</summary>
    public static StreamId Create(string streamNamespace, Guid key) => Create(streamNamespace, GrainKeys.FromGuid(key));

    /// <summary>A stream keyed by an integer.</summary>
    public static StreamId Create(string streamNamespace, long key) => Create(streamNamespace, GrainKeys.FromLong(key));

    /// <summary>Parses the <c>namespace/key</c> form produced by <see cref="ToString"/>.</summary>
    public static StreamId Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0) throw new FormatException($"'{value}' is not a stream id of the form namespace/key.");
        return new StreamId(value[..slash], value[(slash + 1)..]);
    }

    /// <summary>The namespace (Orleans' accessor name).</summary>
    public string GetNamespace() => Namespace;

    /// <summary>The key as a string (Orleans' accessor name).</summary>
    public string GetKeyAsString() => Key;

    /// <inheritdoc />
    public bool Equals(StreamId other) =>
        string.Equals(Namespace, other.Namespace, StringComparison.Ordinal) && string.Equals(Key, other.Key, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is StreamId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Namespace, Key);

    /// <inheritdoc />
    public int CompareTo(StreamId other)
    {
        var byNamespace = string.CompareOrdinal(Namespace, other.Namespace);
        return byNamespace != 0 ? byNamespace : string.CompareOrdinal(Key, other.Key);
    }

    /// <summary>Equality.</summary>
    public static bool operator ==(StreamId left, StreamId right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(StreamId left, StreamId right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => $"{Namespace}/{Key}";
}
