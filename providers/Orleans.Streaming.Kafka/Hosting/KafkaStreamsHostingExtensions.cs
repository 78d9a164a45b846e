using Orleans.Streaming.Kafka.Hosting;

namespace Orleans.Hosting;

/// <summary>Registers Kafka stream providers on silos and clients.</summary>
public static class KafkaStreamsHostingExtensions
{
    /// <summary>
    /// Adds the Kafka stream provider <paramref name="name"/> to a silo. Options bind from
    /// <c>Orleans:Streams:{name}</c>, then <paramref name="configure"/> runs; they are validated at start.
    /// </summary>
    public static ISiloBuilder AddKafkaStreams(this ISiloBuilder builder, string name, Action<Orleans.Streaming.Kafka.KafkaStreamOptions> configure) =>
        builder.AddKafkaStreams(name, c => c.ConfigureKafka(o => o.Configure(configure)));

    /// <summary>Adds the Kafka stream provider <paramref name="name"/> to a silo, configured through its configurator.</summary>
    public static ISiloBuilder AddKafkaStreams(this ISiloBuilder builder, string name, Action<SiloKafkaStreamConfigurator>? configure = null)
    {
        var configurator = new SiloKafkaStreamConfigurator(name, services => builder.ConfigureServices(services));
        configure?.Invoke(configurator);
        return builder;
    }

    /// <summary>
    /// Adds the Kafka stream provider <paramref name="name"/> to a cluster client (it publishes straight to Kafka).
    /// Options bind from <c>Orleans:Streams:{name}</c>, then <paramref name="configure"/> runs.
    /// </summary>
    public static IClientBuilder AddKafkaStreams(this IClientBuilder builder, string name, Action<Orleans.Streaming.Kafka.KafkaStreamOptions> configure) =>
        builder.AddKafkaStreams(name, c => c.ConfigureKafka(o => o.Configure(configure)));

    /// <summary>Adds the Kafka stream provider <paramref name="name"/> to a cluster client, configured through its configurator.</summary>
    public static IClientBuilder AddKafkaStreams(this IClientBuilder builder, string name, Action<ClientKafkaStreamConfigurator>? configure = null)
    {
        var configurator = new ClientKafkaStreamConfigurator(name, builder);
        configure?.Invoke(configurator);
        return builder;
    }
}
