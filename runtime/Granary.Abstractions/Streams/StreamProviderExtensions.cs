namespace Granary.Streams;

/// <summary>Stream lookups by key shape, as in Orleans.</summary>
public static class StreamProviderExtensions
{
    /// <summary>The stream <paramref name="streamNamespace"/>/<paramref name="key"/>.</summary>
    public static IAsyncStream<T> GetStream<T>(this IStreamProvider provider, string streamNamespace, string key) =>
        provider.GetStream<T>(StreamId.Create(streamNamespace, key));

    /// <summary>The stream <paramref name="streamNamespace"/>/<paramref name="key"/>.</summary>
    public static IAsyncStream<T> GetStream<T>(this IStreamProvider provider, string streamNamespace, Guid key) =>
        provider.GetStream<T>(StreamId.Create(streamNamespace, key));

    /// <summary>The stream <paramref name="streamNamespace"/>/<paramref name="key"/>.</summary>
    public static IAsyncStream<T> GetStream<T>(this IStreamProvider provider, string streamNamespace, long key) =>
        provider.GetStream<T>(StreamId.Create(streamNamespace, key));
}
