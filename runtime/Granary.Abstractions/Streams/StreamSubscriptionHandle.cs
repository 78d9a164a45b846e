namespace Granary.Streams;

/// <summary>
/// An explicit subscription, as in Orleans. Subscriptions outlive the activation that made them: after a
/// reactivation, find them with <see cref="IAsyncStream{T}.GetAllSubscriptionHandles"/> and attach an observer
/// again with <see cref="ResumeAsync"/> (events published meanwhile are delivered then, from the last acknowledged one).
/// </summary>
public abstract class StreamSubscriptionHandle<T> : IEquatable<StreamSubscriptionHandle<T>>
{
    /// <summary>The stream subscribed to.</summary>
    public abstract StreamId StreamId { get; }

    /// <summary>The name of the stream's provider.</summary>
    public abstract string ProviderName { get; }

    /// <summary>The subscription's identity, stable across activations.</summary>
    public abstract Guid HandleId { get; }

    /// <summary>Ends the subscription; no event is delivered to it afterwards.</summary>
    public abstract Task UnsubscribeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Attaches <paramref name="observer"/> to the subscription (after a reactivation, or to replace the observer),
    /// optionally rewinding to <paramref name="token"/> (inclusive). Returns the handle to keep.
    /// </summary>
    public abstract Task<StreamSubscriptionHandle<T>> ResumeAsync(
        IAsyncObserver<T> observer, StreamSequenceToken? token = null, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public bool Equals(StreamSubscriptionHandle<T>? other) =>
        other is not null && HandleId == other.HandleId && StreamId == other.StreamId && ProviderName == other.ProviderName;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is StreamSubscriptionHandle<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(HandleId, StreamId);

    /// <inheritdoc />
    public override string ToString() => $"subscription {HandleId:N} to {ProviderName}/{StreamId}";
}
