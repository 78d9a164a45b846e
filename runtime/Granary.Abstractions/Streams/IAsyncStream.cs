namespace Granary.Streams;

/// <summary>
/// A stream of events of type <typeparamref name="T"/>, as in Orleans: publish with the observer methods,
/// subscribe with <see cref="IAsyncObservable{T}.SubscribeAsync(IAsyncObserver{T}, CancellationToken)"/>.
/// A stream reference is cheap and may be kept; it never creates anything until used.
/// </summary>
/// <remarks>
/// Publishing completes once the provider has durably accepted the events (for the memory provider:
/// appended to its partition). A producer passes no token: the provider assigns positions, and a
/// non-null token is rejected.
/// </remarks>
public interface IAsyncStream<T> : IAsyncObserver<T>, IAsyncObservable<T>, IEquatable<IAsyncStream<T>>
{
    /// <summary>The stream's identity.</summary>
    StreamId StreamId { get; }

    /// <summary>The name of the provider the stream belongs to.</summary>
    string ProviderName { get; }

    /// <summary>True when subscriptions may start from a past position.</summary>
    bool IsRewindable { get; }

    /// <summary>Publishes several events; they keep their order and are accepted all together or not at all.</summary>
    Task OnNextBatchAsync(IEnumerable<T> batch, StreamSequenceToken? token = null, CancellationToken cancellationToken = default);

    /// <summary>The calling grain's (or client's) subscriptions to this stream, to resume or cancel them.</summary>
    Task<IList<StreamSubscriptionHandle<T>>> GetAllSubscriptionHandles(CancellationToken cancellationToken = default);
}
