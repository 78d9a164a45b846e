using Granary.Runtime;
using Granary.Serialization;
using Granary.Streams;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Conformance.Streams.Grains;

public interface IExplicitSubscriberGrain : IGrainWithStringKey
{
    /// <summary>Subscribes to the explicit stream <paramref name="streamKey"/> from a position: latest, earliest, a token or a time.</summary>
    Task Subscribe(string streamKey, SubscribeFrom from);

    Task<int> HandleCount(string streamKey);

    Task UnsubscribeAll(string streamKey);

    Task Deactivate();
}

[GenerateSerializer]
public sealed record SubscribeFrom([property: Id(0)] StreamPositionKind Kind, [property: Id(1)] long Position = 0, [property: Id(2)] DateTimeOffset Time = default)
{
    public static SubscribeFrom Latest { get; } = new(StreamPositionKind.Latest);

    public static SubscribeFrom Earliest { get; } = new(StreamPositionKind.Earliest);

    public StreamPosition ToPosition() => Kind switch
    {
        StreamPositionKind.Earliest => StreamPosition.Earliest,
        StreamPositionKind.Token => StreamPosition.At(new EventSequenceToken(Position)),
        StreamPositionKind.Time => StreamPosition.At(Time),
        _ => StreamPosition.Latest,
    };
}

[GenerateSerializer]
public sealed class ExplicitSubscriberState
{
    [Id(0)]
    public List<string> Streams { get; set; } = [];
}

/// <summary>
/// Subscribes explicitly and, like any grain whose subscriptions must survive deactivation, resumes every
/// handle of the streams it remembers when it activates. Records items as "item@position" under its key.
/// </summary>
public sealed class ExplicitSubscriberGrain([PersistentState("subscriptions")] IPersistentState<ExplicitSubscriberState> state)
    : Grain, IExplicitSubscriberGrain
{
    private StreamProbe Probe => ServiceProvider.GetRequiredService<StreamProbe>();

    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Probe.Increment("activations:" + Key);
        foreach (var streamKey in state.State.Streams)
        {
            foreach (var handle in await Stream(streamKey).GetAllSubscriptionHandles(cancellationToken))
                await handle.ResumeAsync(OnNext, cancellationToken: cancellationToken);
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Probe.Record("deactivated:" + Key, "yes");
        return Task.CompletedTask;
    }

    public async Task Subscribe(string streamKey, SubscribeFrom from)
    {
        await Stream(streamKey).SubscribeAsync(OnNext, from.ToPosition());
        if (!state.State.Streams.Contains(streamKey))
        {
            state.State.Streams.Add(streamKey);
            await state.WriteStateAsync();
        }
    }

    public async Task<int> HandleCount(string streamKey) => (await Stream(streamKey).GetAllSubscriptionHandles()).Count;

    public async Task UnsubscribeAll(string streamKey)
    {
        foreach (var handle in await Stream(streamKey).GetAllSubscriptionHandles()) await handle.UnsubscribeAsync();
    }

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private IAsyncStream<int> Stream(string streamKey) =>
        this.GetStreamProvider(ConformanceNamespaces.Provider).GetStream<int>(ConformanceNamespaces.Explicit, streamKey);

    private Task OnNext(int item, StreamSequenceToken? token)
    {
        Probe.Record(Key, $"{item}@{token?.SequenceNumber}");
        return Task.CompletedTask;
    }
}
