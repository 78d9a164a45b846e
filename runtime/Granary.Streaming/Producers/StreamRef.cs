using Granary.Runtime;
using Granary.Streaming.Providers;
using Granary.Streams;

namespace Granary.Streaming.Producers;

/// <summary>A stream as a grain or the client uses it. Subscribing needs a grain (<paramref name="grain"/>).</summary>
internal sealed class StreamRef<T>(StreamProvider provider, StreamId streamId, IGrainContext? grain) : IAsyncStream<T>
{
    public StreamId StreamId => streamId;

    public string ProviderName => provider.Name;

    public bool IsRewindable => provider.IsRewindable;

    public Task OnNextAsync(T item, StreamSequenceToken? token = null, CancellationToken cancellationToken = default)
    {
        RejectToken(token);
        return provider.PublishAsync(streamId, StreamEventKind.Item, [item], cancellationToken);
    }

    public Task OnNextBatchAsync(IEnumerable<T> batch, StreamSequenceToken? token = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        RejectToken(token);
        var items = batch.Select(item => (object?)item).ToArray();
        return items.Length == 0 ? Task.CompletedTask : provider.PublishAsync(streamId, StreamEventKind.Item, items, cancellationToken);
    }

    public Task OnCompletedAsync(CancellationToken cancellationToken = default) =>
        provider.PublishAsync(streamId, StreamEventKind.Completed, [null], cancellationToken);

    public Task OnErrorAsync(Exception ex, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return provider.PublishAsync(streamId, StreamEventKind.Error, [ex], cancellationToken);
    }

    public Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer, CancellationToken cancellationToken = default) =>
        provider.Subscriptions.SubscribeAsync(grain, streamId, observer, StreamPosition.Latest, cancellationToken);

    public Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer, StreamSequenceToken? token, CancellationToken cancellationToken = default) =>
        provider.Subscriptions.SubscribeAsync(grain, streamId, observer, token, cancellationToken);

    public Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer, StreamPosition from, CancellationToken cancellationToken = default) =>
        provider.Subscriptions.SubscribeAsync(grain, streamId, observer, from, cancellationToken);

    public Task<IList<StreamSubscriptionHandle<T>>> GetAllSubscriptionHandles(CancellationToken cancellationToken = default) =>
        provider.Subscriptions.GetAllAsync<T>(grain, streamId, cancellationToken);

    public bool Equals(IAsyncStream<T>? other) => other is not null && other.StreamId == streamId && other.ProviderName == provider.Name;

    public override bool Equals(object? obj) => obj is IAsyncStream<T> other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(provider.Name, streamId);

    public override string ToString() => $"{provider.Name}/{streamId}";

    private static void RejectToken(StreamSequenceToken? token)
    {
        if (token is not null) throw new NotSupportedException("Producers pass no sequence token: the stream provider assigns positions.");
    }
}
