using Microsoft.Extensions.Logging;
using Orleans.Streaming.Kafka.Caching;

namespace Orleans.Streaming.Kafka.DeadLetters;

/// <summary>
/// Called by the pulling agent when delivering an event kept failing for its MaxEventDeliveryTime: the event goes
/// to the dead-letter topic and the subscription stays, so the partition moves on (the next MoveNext passes it).
/// The handler is asked for before the queue's cache exists, so it finds the queue's current link when called.
/// </summary>
internal sealed partial class KafkaDeliveryFailureHandler(
    Func<PartitionLink?> link, KafkaDeadLetterWriter deadLetters, DeliveryErrors errors, ILogger<KafkaDeliveryFailureHandler> logger) : IStreamFailureHandler
{
    public bool ShouldFaultSubsriptionOnError => false;

    public async Task OnDeliveryFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken)
    {
        var current = link();
        if (current?.Cache?.Find(streamIdentity, sequenceToken) is not { } batch)
        {
            LogLost(streamIdentity, sequenceToken, subscriptionId.Guid);
            return;
        }

        var error = errors.Take(subscriptionId.Guid, batch.Offset)
            ?? "Delivery kept failing until the pulling agent's MaxEventDeliveryTime passed.";
        await deadLetters.WriteUndeliveredAsync(current.Queue, batch, subscriptionId, error, CancellationToken.None);
        LogDeadLettered(streamIdentity, batch.Offset, subscriptionId.Guid, error);
    }

    public Task OnSubscriptionFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken)
    {
        LogSubscriptionFailure(streamIdentity, subscriptionId.Guid, sequenceToken);
        return Task.CompletedTask;
    }
}
