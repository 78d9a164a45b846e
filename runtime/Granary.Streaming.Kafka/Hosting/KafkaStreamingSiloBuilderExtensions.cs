using Granary.Streaming.Kafka;
using Granary.Streaming.Kafka.Configuration;
using Granary.Streaming.Kafka.Wire;
using Granary.Streaming.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Granary.Hosting;

/// <summary>The Kafka stream provider for a silo: <c>silo.AddKafkaStreams("events", o => ...)</c>.</summary>
public static class KafkaStreamingSiloBuilderExtensions
{
    /// <summary>
    /// Adds a Kafka stream provider named <paramref name="name"/>: each namespace of
    /// <see cref="KafkaStreamOptions.Namespaces"/> is a topic, a stream's key is the message key, the silo's partition
    /// balancer decides which partitions this silo reads, offsets are committed in the consumer group once every
    /// subscriber acknowledged, failing events go to the dead-letter topic. Options are bound from
    /// <c>Granary:Streams:{name}</c>, then <paramref name="configure"/> runs, then they are validated at start.
    /// When no grain storage named <c>PubSubStore</c> exists, explicit subscriptions are kept in a memory storage of that name.
    /// </summary>
    public static ISiloBuilder AddKafkaStreams(this ISiloBuilder builder, string name, Action<KafkaStreamOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KafkaStreamOptions>, KafkaStreamOptionsValidator>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IStreamPayloadCodec, JsonStreamPayloadCodec>());
        builder.AddPersistentStreams<KafkaStreamOptions>(name, (services, options) => new KafkaQueueAdapter(name, options, services.GetRequiredService<ILogger<KafkaQueueAdapter>>()), configure);
        return builder;
    }
}
