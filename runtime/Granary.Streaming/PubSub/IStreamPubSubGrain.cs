namespace Granary.Streaming.PubSub;

/// <summary>
/// The explicit subscriptions of one stream, keyed <c>provider/namespace/key</c>. A grain serialises changes
/// per stream and keeps them in grain storage, so subscriptions outlive their subscribers' activations.
/// </summary>
internal interface IStreamPubSubGrain : IGrainWithStringKey
{
    /// <summary>Adds a subscription; adding one that exists (same id) keeps the stored one.</summary>
    Task AddAsync(StreamSubscriptionRecord subscription, CancellationToken cancellationToken);

    /// <summary>Removes a subscription; returns false when it did not exist.</summary>
    Task<bool> RemoveAsync(Guid subscriptionId, CancellationToken cancellationToken);

    /// <summary>Every subscription of the stream.</summary>
    Task<List<StreamSubscriptionRecord>> GetAllAsync(CancellationToken cancellationToken);
}
