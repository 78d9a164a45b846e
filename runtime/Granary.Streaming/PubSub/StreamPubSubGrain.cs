using Granary.Runtime;

namespace Granary.Streaming.PubSub;

/// <summary>The pub-sub registry of one stream, stored in the grain storage named <see cref="StorageName"/>.</summary>
[GrainType("granary-stream-pubsub")]
internal sealed class StreamPubSubGrain(
    [PersistentState("subscriptions", StreamPubSubGrain.StorageName)] IPersistentState<StreamPubSubState> state) : Grain, IStreamPubSubGrain
{
    /// <summary>The grain storage of subscriptions, as in Orleans; the memory provider adds a memory storage under it when none exists.</summary>
    public const string StorageName = "PubSubStore";

    public static string KeyOf(string provider, Streams.StreamId streamId) => $"{provider}/{streamId}";

    public async Task AddAsync(StreamSubscriptionRecord subscription, CancellationToken cancellationToken)
    {
        if (state.State.Subscriptions.Exists(s => s.Id == subscription.Id)) return;
        state.State.Subscriptions.Add(subscription);
        await state.WriteStateAsync(cancellationToken);
    }

    public async Task<bool> RemoveAsync(Guid subscriptionId, CancellationToken cancellationToken)
    {
        if (state.State.Subscriptions.RemoveAll(s => s.Id == subscriptionId) == 0) return false;
        await state.WriteStateAsync(cancellationToken);
        return true;
    }

    public Task<List<StreamSubscriptionRecord>> GetAllAsync(CancellationToken cancellationToken) => Task.FromResult(state.State.Subscriptions);
}
