namespace Orleans.Streaming.Kafka.Tests.Grains;

public interface IRewindGrain : IGrainWithStringKey
{
    /// <summary>Subscribes to the stream <paramref name="streamNamespace"/>/<paramref name="streamKey"/> from <paramref name="token"/>.</summary>
    Task SubscribeFrom(string streamNamespace, string streamKey, KafkaSequenceToken? token);
}

/// <summary>An explicit subscriber that starts where the test says; its effects are logged under its own key.</summary>
public sealed class RewindGrain : Grain, IRewindGrain, IAsyncObserver<TestEvent>
{
    public async Task SubscribeFrom(string streamNamespace, string streamKey, KafkaSequenceToken? token)
    {
        var stream = this.GetStreamProvider(TestStreams.Provider).GetStream<TestEvent>(StreamId.Create(streamNamespace, streamKey));
        await stream.SubscribeAsync(this, token);
    }

    public Task OnNextAsync(TestEvent item, StreamSequenceToken? token = null)
    {
        EffectLog.For(this.GetPrimaryKeyString()).Record(item.Describe(), token);
        return Task.CompletedTask;
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
