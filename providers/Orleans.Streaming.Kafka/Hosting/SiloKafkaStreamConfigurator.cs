using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Orleans.Streaming.Kafka.DeadLetters;
using Orleans.Streaming.Kafka.Queues;

namespace Orleans.Streaming.Kafka.Hosting;

/// <summary>
/// Configures a Kafka stream provider on a silo. Besides <see cref="ConfigureKafka"/>, Orleans' own extensions
/// apply: <c>ConfigurePullingAgent</c> (MaxEventDeliveryTime decides when an event becomes a dead letter),
/// <c>ConfigurePartitionBalancing</c>, <c>ConfigureStreamPubSub</c>.
/// </summary>
public sealed class SiloKafkaStreamConfigurator : SiloPersistentStreamConfigurator
{
    /// <summary>Creates the configurator; use <see cref="KafkaStreamsHostingExtensions.AddKafkaStreams(ISiloBuilder, string, Action{SiloKafkaStreamConfigurator}?)"/>.</summary>
    public SiloKafkaStreamConfigurator(string name, Action<Action<IServiceCollection>> configureServices)
        : base(name, configureServices, KafkaAdapterFactory.Create)
    {
        ConfigureDelegate(services =>
        {
            services.AddKafkaStreamOptions(name);
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutgoingGrainCallFilter, DeliveryErrorFilter>());
        });
    }

    /// <summary>Configures the provider's <see cref="KafkaStreamOptions"/> (after configuration binding).</summary>
    public SiloKafkaStreamConfigurator ConfigureKafka(Action<OptionsBuilder<KafkaStreamOptions>> configure)
    {
        this.Configure(configure);
        return this;
    }
}
