using Granary.Conformance.Streams;
using Granary.Hosting;
using Granary.Streaming;
using Granary.Streaming.Providers;

namespace Granary.Streaming.Tests;

/// <summary>The stream-provider contract, kept by the in-memory provider.</summary>
public sealed class MemoryStreamConformanceTests : StreamProviderConformance
{
    protected override void AddStreamProvider(ISiloBuilder silo, string name, int maxDeliveryAttempts) =>
        silo.AddMemoryStreams(name, options =>
        {
            options.Partitions = 4;
            options.MaxDeliveryAttempts = maxDeliveryAttempts;
            options.DeliveryRetryDelay = TimeSpan.Zero;
        });

    protected override Task<IReadOnlyList<DeadLetter>> ReadDeadLettersAsync(IServiceProvider services, string name) =>
        Task.FromResult(services.GetDeadLetters(name));
}
