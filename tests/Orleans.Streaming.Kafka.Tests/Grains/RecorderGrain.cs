using Orleans.Streams.Core;

namespace Orleans.Streaming.Kafka.Tests.Grains;

public interface IRecorderGrain : IGrainWithStringKey;

/// <summary>Implicitly subscribed to every stream of <see cref="TestStreams.Orders"/>; applies each event once by token.</summary>
[ImplicitStreamSubscription(TestStreams.Orders)]
public sealed class RecorderGrain : Grain, IRecorderGrain, IStreamSubscriptionObserver, IAsyncObserver<TestEvent>
{
    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) => handleFactory.Create<TestEvent>().ResumeAsync(this);

    public Task OnNextAsync(TestEvent item, StreamSequenceToken? token = null)
    {
        var log = EffectLog.For(this.GetPrimaryKeyString());
        log.TraceParents.Enqueue(RequestContext.Get(KafkaStreamHeaders.TraceParent) as string);
        log.Record(item.Describe(), token);
        return Task.CompletedTask;
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
