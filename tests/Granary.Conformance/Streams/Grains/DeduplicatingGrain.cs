using Granary.Streams;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Conformance.Streams.Grains;

public interface IDeduplicatingGrain : IGrainWithStringKey
{
    Task Ping();
}

/// <summary>
/// Applies each item once, keeping the last applied token as state would; fails once right after applying
/// item 2, as if its acknowledgement were lost, so the runtime delivers item 2 again.
/// </summary>
[ImplicitStreamSubscription(ConformanceNamespaces.Dedup)]
public sealed class DeduplicatingGrain : Grain, IDeduplicatingGrain
{
    private StreamSequenceToken? _lastApplied;
    private bool _failedOnce;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var probe = ServiceProvider.GetRequiredService<StreamProbe>();
        var key = this.GetPrimaryKeyString();
        var stream = this.GetStreamProvider(ConformanceNamespaces.Provider).GetStream<int>(ConformanceNamespaces.Dedup, key);
        return stream.SubscribeAsync((item, token) =>
        {
            probe.Record("received:" + key, item.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (token is not null && !token.Newer(_lastApplied)) return Task.CompletedTask;
            probe.Record(key, item.ToString(System.Globalization.CultureInfo.InvariantCulture));
            _lastApplied = token;
            if (item == 2 && !_failedOnce)
            {
                _failedOnce = true;
                throw new TimeoutException("the acknowledgement was lost");
            }

            return Task.CompletedTask;
        }, cancellationToken: cancellationToken);
    }

    public Task Ping() => Task.CompletedTask;
}
