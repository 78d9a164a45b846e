using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Orleans.Streaming.Kafka.Queues;

namespace Orleans.Streaming.Kafka.Hosting;

/// <summary>Configures a Kafka stream provider on a cluster client, which publishes straight to Kafka.</summary>
public sealed class ClientKafkaStreamConfigurator : ClusterClientPersistentStreamConfigurator
{
    /// <summary>Creates the configurator; use <see cref="KafkaStreamsHostingExtensions.AddKafkaStreams(IClientBuilder, string, Action{ClientKafkaStreamConfigurator}?)"/>.</summary>
    public ClientKafkaStreamConfigurator(string name, IClientBuilder builder)
        : base(name, builder, KafkaAdapterFactory.Create)
    {
        builder.ConfigureServices(services => services.AddKafkaStreamOptions(name));
    }

    /// <summary>Configures the provider's <see cref="KafkaStreamOptions"/> (after configuration binding).</summary>
    public ClientKafkaStreamConfigurator ConfigureKafka(Action<OptionsBuilder<KafkaStreamOptions>> configure)
    {
        this.Configure(configure);
        return this;
    }
}
