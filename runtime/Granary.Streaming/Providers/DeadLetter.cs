using Granary.Runtime;

namespace Granary.Streaming.Providers;

/// <summary>
/// An event a subscriber failed to process <see cref="Configuration.StreamProviderOptions.MaxDeliveryAttempts"/>
/// times. The partition moves on once the dead letter is written; nothing is dropped without one.
/// </summary>
/// <param name="Record">The event and where it was read.</param>
/// <param name="Consumer">The subscribing grain.</param>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="Attempts">How many deliveries failed.</param>
/// <param name="Error">The last failure, type and message.</param>
/// <param name="FailedAt">When the event was given up.</param>
public sealed record DeadLetter(QueueRecord Record, GrainId Consumer, Guid SubscriptionId, int Attempts, string Error, DateTimeOffset FailedAt);
