using Orleans.Streams;
using Orleans.Streams.Core;

namespace Orleans.Streaming.Kafka.Benchmarks;

/// <summary>The event: when it was published (a Stopwatch timestamp of this process).</summary>
public sealed record Ping(long PublishedAt);

public interface IBenchGrain : IGrainWithStringKey;

/// <summary>Implicitly subscribed to every bench stream; reports each event's latency.</summary>
[ImplicitStreamSubscription(Program.Namespace)]
public sealed class BenchGrain : Grain, IBenchGrain, IStreamSubscriptionObserver, IAsyncObserver<Ping>
{
    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) => handleFactory.Create<Ping>().ResumeAsync(this);

    public Task OnNextAsync(Ping item, StreamSequenceToken? token = null)
    {
        LatencySink.Current.Received(item.PublishedAt);
        return Task.CompletedTask;
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
