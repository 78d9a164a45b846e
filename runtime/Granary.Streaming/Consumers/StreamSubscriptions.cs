using Granary.Runtime;
using Granary.Streaming.Agents;
using Granary.Streaming.Producers;
using Granary.Streaming.PubSub;
using Granary.Streams;

namespace Granary.Streaming.Consumers;

/// <summary>
/// Subscribing, resuming and cancelling for one provider. Implicit subscriptions only attach the observer;
/// explicit ones are also stored in the stream's pub-sub registry. A start position before the pulling
/// agent's asks it to rewind for that subscription.
/// </summary>
internal sealed class StreamSubscriptions(StreamProvider provider)
{
    public async Task<StreamSubscriptionHandle<T>> SubscribeAsync<T>(
        IGrainContext? grain, StreamId streamId, IAsyncObserver<T> observer, StreamPosition from, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var context = RequireGrain(grain, "SubscribeAsync");
        var consumer = StreamConsumerExtension.Of(context, provider.Codecs);
        var partition = provider.Adapter.GetPartition(streamId);
        if (provider.ImplicitSubscribers.IsImplicitSubscriber(context.GrainId, streamId))
        {
            var implicitId = ImplicitSubscriberTable.SubscriptionId(provider.Name, context.GrainId.Type, streamId);
            consumer.Attach(implicitId, new ObserverBinding<T>(observer));
            if (from.Kind != StreamPositionKind.Latest) await RewindAsync(partition, implicitId, context.GrainId, streamId, from, cancellationToken);
            return new SubscriptionHandle<T>(this, streamId, implicitId, context, isImplicit: true);
        }

        var start = await provider.Adapter.ResolvePositionAsync(partition, from, cancellationToken);
        var id = Guid.NewGuid();
        consumer.Attach(id, new ObserverBinding<T>(observer));
        // Announced to the agent before it is stored, so the agent never delivers live events to it ahead of
        // the older ones its start position asks for (the agent ignores it when nothing lies before the live end).
        await RequestRewindAsync(new RewindRequest(partition, id, context.GrainId, streamId, start), cancellationToken);
        var record = new StreamSubscriptionRecord { Id = id, Consumer = context.GrainId.ToString(), StartPosition = start };
        try
        {
            await provider.PubSub(streamId).AddAsync(record, cancellationToken);
        }
        catch
        {
            provider.Agents?.CancelRewind(partition, id);
            consumer.Detach(id);
            throw;
        }

        return new SubscriptionHandle<T>(this, streamId, id, context, isImplicit: false);
    }

    public async Task<StreamSubscriptionHandle<T>> ResumeAsync<T>(
        SubscriptionHandle<T> handle, IAsyncObserver<T> observer, StreamSequenceToken? token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observer);
        StreamConsumerExtension.Of(handle.Grain, provider.Codecs).Attach(handle.HandleId, new ObserverBinding<T>(observer));
        if (token is not null)
        {
            var partition = provider.Adapter.GetPartition(handle.StreamId);
            await RewindAsync(partition, handle.HandleId, handle.Grain.GrainId, handle.StreamId, token, cancellationToken);
        }

        return handle;
    }

    public async Task UnsubscribeAsync<T>(SubscriptionHandle<T> handle, CancellationToken cancellationToken)
    {
        if (handle.IsImplicit)
        {
            throw new NotSupportedException(
                $"{handle} is implicit ([ImplicitStreamSubscription] on {handle.Grain.GrainId.Type}): it exists for every stream of the namespace and cannot be cancelled.");
        }

        await provider.PubSub(handle.StreamId).RemoveAsync(handle.HandleId, cancellationToken);
        StreamConsumerExtension.Of(handle.Grain, provider.Codecs).Detach(handle.HandleId);
    }

    public async Task<IList<StreamSubscriptionHandle<T>>> GetAllAsync<T>(IGrainContext? grain, StreamId streamId, CancellationToken cancellationToken)
    {
        var context = RequireGrain(grain, "GetAllSubscriptionHandles");
        var consumer = context.GrainId.ToString();
        var records = await provider.PubSub(streamId).GetAllAsync(cancellationToken);
        List<StreamSubscriptionHandle<T>> handles =
            [.. records.Where(r => r.Consumer == consumer).Select(r => new SubscriptionHandle<T>(this, streamId, r.Id, context, isImplicit: false))];
        if (provider.ImplicitSubscribers.IsImplicitSubscriber(context.GrainId, streamId))
        {
            var implicitId = ImplicitSubscriberTable.SubscriptionId(provider.Name, context.GrainId.Type, streamId);
            handles.Add(new SubscriptionHandle<T>(this, streamId, implicitId, context, isImplicit: true));
        }

        return handles;
    }

    public string ProviderName => provider.Name;

    private async Task RewindAsync(int partition, Guid subscriptionId, GrainId consumer, StreamId streamId, StreamPosition from, CancellationToken cancellationToken)
    {
        var start = await provider.Adapter.ResolvePositionAsync(partition, from, cancellationToken);
        await RequestRewindAsync(new RewindRequest(partition, subscriptionId, consumer, streamId, start), cancellationToken);
    }

    private Task RequestRewindAsync(RewindRequest request, CancellationToken cancellationToken) =>
        provider.Agents?.RequestRewindAsync(request, cancellationToken) ?? Task.CompletedTask;

    private static IGrainContext RequireGrain(IGrainContext? grain, string operation) => grain ?? throw new NotSupportedException(
        $"{operation} is for grains: get the stream through this.GetStreamProvider(name) in the subscribing grain. Clients can publish but not subscribe.");
}
