using Orleans.Streams.Core;

namespace Orleans.Streaming.Kafka.Tests.Grains;

public interface IFragileGrain : IGrainWithStringKey;

/// <summary>Implicitly subscribed to <see cref="TestStreams.Fragile"/>; every delivery of the event "poison" throws.</summary>
[ImplicitStreamSubscription(TestStreams.Fragile)]
public sealed class FragileGrain : Grain, IFragileGrain, IStreamSubscriptionObserver, IAsyncObserver<TestEvent>
{
    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) => handleFactory.Create<TestEvent>().ResumeAsync(this);

    public Task OnNextAsync(TestEvent item, StreamSequenceToken? token = null)
    {
        if (item.Value == "poison") throw new InvalidOperationException("The fragile grain cannot digest poison.");
        EffectLog.For("fragile/" + this.GetPrimaryKeyString()).Record(item.Value, token);
        return Task.CompletedTask;
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
