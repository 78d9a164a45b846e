namespace Granary.Streams;

/// <summary>Subscribing and resuming with delegates instead of an observer class, as in Orleans.</summary>
public static class AsyncObservableExtensions
{
    /// <summary>Subscribes <paramref name="onNext"/> to the events published from now on.</summary>
    public static Task<StreamSubscriptionHandle<T>> SubscribeAsync<T>(
        this IAsyncObservable<T> observable, Func<T, StreamSequenceToken?, Task> onNext,
        Func<Exception, Task>? onError = null, Func<Task>? onCompleted = null, CancellationToken cancellationToken = default) =>
        observable.SubscribeAsync(new DelegateObserver<T>(onNext, onError, onCompleted), cancellationToken);

    /// <summary>Subscribes <paramref name="onNext"/> from a position: earliest retained, latest, a token or a time.</summary>
    public static Task<StreamSubscriptionHandle<T>> SubscribeAsync<T>(
        this IAsyncObservable<T> observable, Func<T, StreamSequenceToken?, Task> onNext, StreamPosition from,
        Func<Exception, Task>? onError = null, Func<Task>? onCompleted = null, CancellationToken cancellationToken = default) =>
        observable.SubscribeAsync(new DelegateObserver<T>(onNext, onError, onCompleted), from, cancellationToken);

    /// <summary>Attaches <paramref name="onNext"/> to an existing subscription, optionally from <paramref name="token"/>.</summary>
    public static Task<StreamSubscriptionHandle<T>> ResumeAsync<T>(
        this StreamSubscriptionHandle<T> handle, Func<T, StreamSequenceToken?, Task> onNext,
        Func<Exception, Task>? onError = null, Func<Task>? onCompleted = null, StreamSequenceToken? token = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handle);
        return handle.ResumeAsync(new DelegateObserver<T>(onNext, onError, onCompleted), token, cancellationToken);
    }

    private sealed class DelegateObserver<T>(
        Func<T, StreamSequenceToken?, Task> onNext, Func<Exception, Task>? onError, Func<Task>? onCompleted) : IAsyncObserver<T>
    {
        private readonly Func<T, StreamSequenceToken?, Task> _onNext = onNext ?? throw new ArgumentNullException(nameof(onNext));

        public Task OnNextAsync(T item, StreamSequenceToken? token = null, CancellationToken cancellationToken = default) => _onNext(item, token);

        public Task OnCompletedAsync(CancellationToken cancellationToken = default) => onCompleted?.Invoke() ?? Task.CompletedTask;

        public Task OnErrorAsync(Exception ex, CancellationToken cancellationToken = default) => onError?.Invoke(ex) ?? Task.CompletedTask;
    }
}
