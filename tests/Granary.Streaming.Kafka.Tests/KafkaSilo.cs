using Granary.Conformance.Streams;
using Granary.Hosting;
using Granary.Streaming.Kafka.Configuration;
using Granary.Streaming.Kafka.Tests.Mock;
using Granary.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Streaming.Kafka.Tests;

/// <summary>A one-silo test cluster with the Kafka provider on the mock, its topics under a fresh prefix.</summary>
internal static class KafkaSilo
{
    public static Task<TestCluster> StartAsync(
        KafkaMockFixture mock, StreamProbe probe, string prefix, Action<KafkaStreamOptions>? configure = null, params string[] namespaces) =>
        TestCluster.StartAsync(new TestClusterOptions
        {
            ConfigureSilo = silo => silo.AddKafkaStreams(KafkaTestNamespaces.Provider, options =>
            {
                options.MaxDeliveryAttempts = 3;
                options.DeliveryRetryDelay = TimeSpan.Zero;
                options.QueueRetryDelay = TimeSpan.FromMilliseconds(50);
                mock.Configure(options, prefix, 2, namespaces);
                configure?.Invoke(options);
            }),
            ConfigureServices = services => services.AddSingleton(probe),
        });
}
