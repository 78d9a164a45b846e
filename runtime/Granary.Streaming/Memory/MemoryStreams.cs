using Granary.Streaming.Memory;
using Granary.Streaming.Providers;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Streaming;

/// <summary>Diagnostics of in-memory stream providers, for tests and development tools.</summary>
public static class MemoryStreams
{
    /// <summary>The dead letters of the memory stream provider <paramref name="providerName"/>, oldest first.</summary>
    public static IReadOnlyList<DeadLetter> GetDeadLetters(this IServiceProvider services, string providerName)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetKeyedService<IQueueAdapter>(providerName) is MemoryQueueAdapter memory
            ? memory.DeadLetters
            : throw new InvalidOperationException($"'{providerName}' is not a memory stream provider of this silo.");
    }
}
