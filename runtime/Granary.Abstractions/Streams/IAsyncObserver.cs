namespace Granary.Streams;

/// <summary>
/// Receives the events of a stream, as in Orleans. The runtime calls it as turns of the subscribing grain,
/// one event at a time in stream order. A method that throws (or faults) is a failed delivery: the event is
/// delivered again, and after the provider's maximum number of attempts it goes to the dead letters.
/// </summary>
public interface IAsyncObserver<in T>
{
    /// <summary>The next event and its position; compare <paramref name="token"/> with the last one applied to suppress redeliveries.</summary>
    Task OnNextAsync(T item, StreamSequenceToken? token = null, CancellationToken cancellationToken = default);

    /// <summary>The producer completed the stream.</summary>
    Task OnCompletedAsync(CancellationToken cancellationToken = default);

    /// <summary>The producer reported an error on the stream.</summary>
    Task OnErrorAsync(Exception ex, CancellationToken cancellationToken = default);
}

/// <summary>Something a subscriber can subscribe an observer to.</summary>
public interface IAsyncObservable<T>
{
    /// <summary>Subscribes <paramref name="observer"/> to the events published from now on.</summary>
    Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer, CancellationToken cancellationToken = default);

    /// <summary>Subscribes <paramref name="observer"/> from <paramref name="token"/> (inclusive); null means from now on.</summary>
    Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer, StreamSequenceToken? token, CancellationToken cancellationToken = default);

    /// <summary>Subscribes <paramref name="observer"/> from a position: earliest retained, latest, a token or a time.</summary>
    Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer, StreamPosition from, CancellationToken cancellationToken = default);
}
