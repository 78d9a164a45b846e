using Granary.Streams;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Streaming.Benchmarks;

public interface IBenchSubscriberGrain : IGrainWithStringKey
{
    Task Ping();
}

/// <summary>Subscribes implicitly to its bench stream; each item is the Stopwatch timestamp taken just before it was published.</summary>
[ImplicitStreamSubscription(BenchNames.Namespace)]
internal sealed class BenchSubscriberGrain : Grain, IBenchSubscriberGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var sink = ServiceProvider.GetRequiredService<LatencySink>();
        var stream = this.GetStreamProvider(BenchNames.Provider).GetStream<long>(BenchNames.Namespace, this.GetPrimaryKeyString());
        return stream.SubscribeAsync((publishedAt, _) =>
        {
            sink.Received(publishedAt);
            return Task.CompletedTask;
        }, cancellationToken: cancellationToken);
    }

    public Task Ping() => Task.CompletedTask;
}

internal static class BenchNames
{
    public const string Provider = "bench";
    public const string Namespace = "bench";
}
