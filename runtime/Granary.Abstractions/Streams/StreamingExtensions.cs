using Granary.Streams;

namespace Granary;

/// <summary>Stream provider lookups for grains and clients, as in Orleans: <c>this.GetStreamProvider("events")</c>.</summary>
public static class StreamingExtensions
{
    /// <summary>The stream provider named <paramref name="name"/>, configured on the silo.</summary>
    public static IStreamProvider GetStreamProvider(this IGrainBase grain, string name)
    {
        ArgumentNullException.ThrowIfNull(grain);
        var provider = Find(grain.GrainContext.ActivationServices, name);
        return provider is IGrainBoundStreamProvider bound ? bound.ForGrain(grain.GrainContext) : provider;
    }

    /// <summary>The stream provider named <paramref name="name"/>, configured on the client's host.</summary>
    public static IStreamProvider GetStreamProvider(this IClusterClient client, string name)
    {
        ArgumentNullException.ThrowIfNull(client);
        return Find(client.ServiceProvider, name);
    }

    private static IStreamProvider Find(IServiceProvider services, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        // Providers are registered keyed by name and also as a plain enumerable, which is what a bare
        // IServiceProvider can resolve without the dependency-injection abstractions.
        if (services.GetService(typeof(IEnumerable<IStreamProvider>)) is IEnumerable<IStreamProvider> providers)
        {
            foreach (var provider in providers)
            {
                if (string.Equals(provider.Name, name, StringComparison.Ordinal)) return provider;
            }
        }

        throw new KeyNotFoundException(
            $"No stream provider named '{name}' is configured. Add one on the silo, for example silo.AddMemoryStreams(\"{name}\").");
    }
}
