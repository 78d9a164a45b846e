using Granary.Streaming.Providers;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Streaming.Kafka;

/// <summary>Diagnostics of Kafka stream providers, for tests and tools.</summary>
public static class KafkaStreams
{
    /// <summary>Every dead letter of the Kafka stream provider <paramref name="providerName"/>, read back from its dead-letter topic, oldest first.</summary>
    public static Task<IReadOnlyList<DeadLetter>> ReadKafkaDeadLettersAsync(this IServiceProvider services, string providerName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetKeyedService<IQueueAdapter>(providerName) is KafkaQueueAdapter kafka
            ? kafka.ReadDeadLettersAsync(cancellationToken)
            : throw new InvalidOperationException($"'{providerName}' is not a Kafka stream provider of this silo.");
    }

    /// <summary>The dead-letter topic of the Kafka stream provider <paramref name="providerName"/>.</summary>
    public static string GetKafkaDeadLetterTopic(this IServiceProvider services, string providerName)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetKeyedService<IQueueAdapter>(providerName) is KafkaQueueAdapter kafka
            ? kafka.DeadLetterTopic
            : throw new InvalidOperationException($"'{providerName}' is not a Kafka stream provider of this silo.");
    }
}
