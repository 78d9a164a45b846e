using Granary.Runtime;
using Granary.Streaming.Producers;
using Granary.Streaming.Providers;
using Granary.Streaming.PubSub;
using Granary.Streams;

namespace Granary.Streaming.Agents;

/// <summary>
/// Delivers one batch of a partition: streams in parallel, each subscriber of a stream in parallel, and each
/// subscriber's events strictly in order. Completes when every subscriber acknowledged (or dead-lettered) every event.
/// </summary>
internal sealed class EventDispatcher(StreamProvider provider, EventDeliverer deliverer)
{
    /// <summary>
    /// Delivers <paramref name="batch"/>; <paramref name="cancellationToken"/> aborts deliveries in flight,
    /// <paramref name="pauses"/> ends retry pauses (and with them the batch) when the partition's agent stops.
    /// </summary>
    public Task DispatchAsync(IReadOnlyList<QueueRecord> batch, RewindState rewinds, CancellationToken cancellationToken, CancellationToken pauses)
    {
        var byStream = batch.GroupBy(r => r.Message.StreamId).ToList();
        if (byStream.Count == 1) return DispatchStreamAsync(byStream[0].Key, [.. byStream[0]], rewinds, cancellationToken, pauses);
        return Task.WhenAll(byStream.Select(g => DispatchStreamAsync(g.Key, [.. g], rewinds, cancellationToken, pauses)));
    }

    private async Task DispatchStreamAsync(StreamId streamId, List<QueueRecord> records, RewindState rewinds, CancellationToken cancellationToken, CancellationToken pauses)
    {
        var liveEnd = rewinds.LiveEnd;
        var subscribers = await SubscribersAsync(streamId, records[^1].Position >= liveEnd, rewinds, cancellationToken);
        if (subscribers.Count == 0) return;
        await Task.WhenAll(subscribers.Select(s => DeliverInOrderAsync(s, records, liveEnd, cancellationToken, pauses)));
    }

    private async Task DeliverInOrderAsync(Subscriber subscriber, List<QueueRecord> records, long liveEnd, CancellationToken cancellationToken, CancellationToken pauses)
    {
        foreach (var record in records)
        {
            if (subscriber.Wants(record.Position, liveEnd)) await deliverer.DeliverAsync(subscriber, record, cancellationToken, pauses);
        }
    }

    private async Task<List<Subscriber>> SubscribersAsync(StreamId streamId, bool hasLiveEvents, RewindState rewinds, CancellationToken cancellationToken)
    {
        var byId = new Dictionary<Guid, Subscriber>();
        if (hasLiveEvents)
        {
            foreach (var grainType in provider.ImplicitSubscribers.SubscribersOf(streamId.Namespace))
            {
                var id = ImplicitSubscriberTable.SubscriptionId(provider.Name, grainType, streamId);
                byId[id] = new Subscriber(id, new GrainId(grainType, streamId.Key), 0, long.MaxValue);
            }

            // The registry is asked for every batch rather than cached, so a subscription is seen by the first
            // batch read after SubscribeAsync returned, whichever silo stored it.
            foreach (var record in await provider.PubSub(streamId).GetAllAsync(cancellationToken))
            {
                byId[record.Id] = new Subscriber(record.Id, GrainId.Parse(record.Consumer), record.StartPosition, long.MaxValue);
            }

            // Checked after the registry was read: a subscription whose rewind the agent has not applied yet gets
            // no live events now, or it would see them before the older ones its rewind delivers.
            foreach (var id in byId.Keys.Where(rewinds.IsPending).ToList()) byId.Remove(id);
            foreach (var joining in rewinds.Joining)
            {
                if (joining.StreamId != streamId) continue;
                if (byId.ContainsKey(joining.SubscriptionId)) rewinds.Confirm(joining.SubscriptionId);
                else byId[joining.SubscriptionId] = new Subscriber(joining.SubscriptionId, joining.Consumer, joining.From, long.MaxValue);
            }
        }

        foreach (var rewind in rewinds.Active)
        {
            if (rewind.StreamId != streamId) continue;
            // A rewinding subscription is live from where it starts even before the registry lists it.
            byId[rewind.SubscriptionId] = byId.TryGetValue(rewind.SubscriptionId, out var live)
                ? live with { LiveFrom = Math.Min(live.LiveFrom, rewind.From), RewindFrom = Math.Min(live.RewindFrom, rewind.From) }
                : new Subscriber(rewind.SubscriptionId, rewind.Consumer, rewind.From, rewind.From);
        }

        return [.. byId.Values];
    }
}
