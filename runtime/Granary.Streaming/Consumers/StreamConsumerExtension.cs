using Granary.Runtime;

namespace Granary.Streaming.Consumers;

/// <summary>The observers one activation attached to its subscriptions, by subscription id.</summary>
internal sealed class StreamConsumerExtension(IGrainContext grain, StreamPayloadCodecs codecs) : IStreamConsumerExtension
{
    private readonly Dictionary<Guid, IObserverBinding> _observers = [];

    /// <summary>The component of <paramref name="grain"/>, attached on first use.</summary>
    public static StreamConsumerExtension Of(IGrainContext grain, StreamPayloadCodecs codecs)
    {
        if (grain.GetComponent<IStreamConsumerExtension>() is StreamConsumerExtension existing) return existing;
        var created = new StreamConsumerExtension(grain, codecs);
        grain.SetComponent<IStreamConsumerExtension>(created);
        return created;
    }

    public void Attach(Guid subscriptionId, IObserverBinding observer)
    {
        // Grain code runs one turn at a time, but agents' calls and grain code are different turns; the lock is cheap insurance.
        lock (_observers) _observers[subscriptionId] = observer;
    }

    public void Detach(Guid subscriptionId)
    {
        lock (_observers) _observers.Remove(subscriptionId);
    }

    public Task DeliverAsync(StreamDelivery delivery, CancellationToken cancellationToken)
    {
        IObserverBinding? observer;
        lock (_observers) _observers.TryGetValue(delivery.SubscriptionId, out observer);
        if (observer is null)
        {
            throw new InvalidOperationException(
                $"{grain.GrainId} has no observer for subscription {delivery.SubscriptionId:N} to {delivery.Provider}/{delivery.StreamId}. " +
                "Subscribe (implicit subscriptions) or resume the handles from GetAllSubscriptionHandles (explicit ones) in OnActivateAsync.");
        }

        return observer.DeliverAsync(delivery, codecs, cancellationToken);
    }
}
