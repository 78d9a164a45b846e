using Granary.Streaming.Providers;
using Granary.Streams;

namespace Granary.Streaming.Consumers;

/// <summary>A subscriber's observer with its item type erased, so one component holds observers of any type.</summary>
internal interface IObserverBinding
{
    Task DeliverAsync(StreamDelivery delivery, StreamPayloadCodecs codecs, CancellationToken cancellationToken);
}

internal sealed class ObserverBinding<T>(IAsyncObserver<T> observer) : IObserverBinding
{
    public Task DeliverAsync(StreamDelivery delivery, StreamPayloadCodecs codecs, CancellationToken cancellationToken) => delivery.Kind switch
    {
        StreamEventKind.Item => observer.OnNextAsync(DecodeItem(delivery, codecs), delivery.Token, cancellationToken),
        StreamEventKind.Completed => observer.OnCompletedAsync(cancellationToken),
        StreamEventKind.Error => observer.OnErrorAsync(DecodeError(delivery, codecs), cancellationToken),
        _ => throw new InvalidOperationException($"Unknown stream event kind {delivery.Kind} at {delivery.StreamId} {delivery.Token}."),
    };

    private static T DecodeItem(StreamDelivery delivery, StreamPayloadCodecs codecs) =>
        codecs.Decode(delivery.ContentType, delivery.Payload, typeof(T)) switch
        {
            T item => item,
            null when default(T) is null => default!,
            var other => throw new InvalidCastException(
                $"Event {delivery.EventId} on {delivery.StreamId} is a {other?.GetType().Name ?? "null"} ({delivery.EventType}), not the {typeof(T).Name} the observer takes."),
        };

    private static Exception DecodeError(StreamDelivery delivery, StreamPayloadCodecs codecs) =>
        codecs.Decode(delivery.ContentType, delivery.Payload, typeof(Exception)) as Exception
        ?? new InvalidOperationException($"The producer of {delivery.StreamId} reported an error without details.");
}
