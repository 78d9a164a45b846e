using Granary.Conformance.Streams;
using Granary.Hosting;
using Granary.Streaming.Kafka.Tests.Mock;
using Granary.Streaming.Providers;

namespace Granary.Streaming.Kafka.Tests;

/// <summary>The stream-provider contract, kept by the Kafka provider on the mock cluster; each test has topics of its own.</summary>
[Collection(KafkaMockCollection.Name)]
public sealed class KafkaStreamConformanceTests(KafkaMockFixture mock) : StreamProviderConformance
{
    private readonly string _prefix = KafkaMockFixture.NewPrefix();

    protected override void AddStreamProvider(ISiloBuilder silo, string name, int maxDeliveryAttempts) =>
        silo.AddKafkaStreams(name, options =>
        {
            options.MaxDeliveryAttempts = maxDeliveryAttempts;
            options.DeliveryRetryDelay = TimeSpan.Zero;
            mock.Configure(options, _prefix, 2, ConformanceNamespaces.Implicit, ConformanceNamespaces.Explicit,
                ConformanceNamespaces.Poison, ConformanceNamespaces.Dedup);
        });

    protected override Task<IReadOnlyList<DeadLetter>> ReadDeadLettersAsync(IServiceProvider services, string name) =>
        services.ReadKafkaDeadLettersAsync(name);
}
