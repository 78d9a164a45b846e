namespace Granary.Streaming.Consumers;

/// <summary>
/// How pulling agents reach a subscriber: served on any activation by <see cref="StreamConsumerExtension"/>,
/// so a grain of any class can subscribe. A call is an ordinary turn of the grain; it completes (the
/// acknowledgement) once the grain's observer has processed the event, and fails when the observer throws.
/// </summary>
internal interface IStreamConsumerExtension : IGrainExtension
{
    Task DeliverAsync(StreamDelivery delivery, CancellationToken cancellationToken);
}
