using System.Diagnostics;
using Granary.Runtime;
using Granary.Streaming.Agents;
using Granary.Streaming.Configuration;
using Granary.Streaming.Consumers;
using Granary.Streaming.Diagnostics;
using Granary.Streaming.Providers;
using Granary.Streaming.PubSub;
using Granary.Streams;

namespace Granary.Streaming.Producers;

/// <summary>
/// A named stream provider over a queue adapter: publishes through the adapter, subscribes through the
/// pub-sub registry and the grain's consumer component. One per provider name, shared by grains and the client.
/// </summary>
internal sealed class StreamProvider : IStreamProvider, IGrainBoundStreamProvider
{
    public StreamProvider(
        string name, IQueueAdapter adapter, StreamProviderOptions options, IGrainFactory grains,
        ImplicitSubscriberTable implicitSubscribers, StreamPayloadCodecs codecs, TimeProvider time, StreamInstruments instruments)
    {
        Name = name;
        Adapter = adapter;
        Options = options;
        Grains = grains;
        ImplicitSubscribers = implicitSubscribers;
        Codecs = codecs;
        Time = time;
        Instruments = instruments;
        Subscriptions = new StreamSubscriptions(this);
    }

    public string Name { get; }

    public bool IsRewindable => Adapter.IsRewindable;

    public IQueueAdapter Adapter { get; }

    public StreamProviderOptions Options { get; }

    public IGrainFactory Grains { get; }

    public ImplicitSubscriberTable ImplicitSubscribers { get; }

    public StreamPayloadCodecs Codecs { get; }

    public TimeProvider Time { get; }

    public StreamInstruments Instruments { get; }

    public StreamSubscriptions Subscriptions { get; }

    /// <summary>The pulling agents of this provider on this silo; set when they are created at start-up.</summary>
    public StreamAgentManager? Agents { get; set; }

    public IAsyncStream<T> GetStream<T>(StreamId streamId) => new StreamRef<T>(this, Checked(streamId), null);

    public IStreamProvider ForGrain(IGrainContext grain) => new GrainStreamProvider(this, grain);

    public IStreamPubSubGrain PubSub(StreamId streamId) => Grains.GetGrain<IStreamPubSubGrain>(StreamPubSubGrain.KeyOf(Name, streamId));

    public async Task PublishAsync(StreamId streamId, StreamEventKind kind, IReadOnlyList<object?> items, CancellationToken cancellationToken)
    {
        using var activity = StreamingTelemetry.ActivitySource.StartActivity($"publish {streamId.Namespace}", ActivityKind.Producer);
        activity?.SetTag("messaging.system", "granary");
        activity?.SetTag("messaging.destination.name", $"{Name}/{streamId.Namespace}");
        activity?.SetTag("granary.stream.id", streamId.ToString());
        var now = Time.GetUtcNow();
        var messages = new QueueMessage[items.Count];
        for (var i = 0; i < messages.Length; i++) messages[i] = StreamEventFactory.Create(streamId, kind, items[i], Codecs.Default, now, activity);
        await Adapter.EnqueueAsync(Adapter.GetPartition(streamId), messages, cancellationToken);
        Instruments.Published(Name, streamId.Namespace, messages.Length);
    }

    internal static StreamId Checked(StreamId streamId) =>
        streamId.IsDefault ? throw new ArgumentException("The stream id is the default (empty) one; create it with StreamId.Create.", nameof(streamId)) : streamId;

    /// <summary>The provider as a grain sees it: subscriptions it makes belong to that grain.</summary>
    private sealed class GrainStreamProvider(StreamProvider provider, IGrainContext grain) : IStreamProvider
    {
        public string Name => provider.Name;

        public bool IsRewindable => provider.IsRewindable;

        public IAsyncStream<T> GetStream<T>(StreamId streamId) => new StreamRef<T>(provider, Checked(streamId), grain);
    }
}
