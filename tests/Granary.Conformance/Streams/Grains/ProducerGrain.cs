using Granary.Streams;

namespace Granary.Conformance.Streams.Grains;

public interface IProducerGrain : IGrainWithStringKey
{
    Task Publish(string streamNamespace, string key, int from, int count);
}

/// <summary>Publishes from inside a grain, one event at a time.</summary>
public sealed class ProducerGrain : Grain, IProducerGrain
{
    public async Task Publish(string streamNamespace, string key, int from, int count)
    {
        var stream = this.GetStreamProvider(ConformanceNamespaces.Provider).GetStream<int>(streamNamespace, key);
        for (var i = from; i < from + count; i++) await stream.OnNextAsync(i);
    }
}
