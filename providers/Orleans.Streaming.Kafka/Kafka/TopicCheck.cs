using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Orleans.Streaming.Kafka.Kafka;

/// <summary>
/// Compares the configured partition count with the brokers' metadata when the provider starts: with a different
/// count, streams would be mapped to partitions Kafka's own partitioner does not use, or to ones that do not exist.
/// A broker that cannot be asked only earns a warning; the brokers may come up after the silo.
/// </summary>
internal static partial class TopicCheck
{
    public static void Run(Handle producer, KafkaStreamOptions options, string providerName, ILogger logger)
    {
        Confluent.Kafka.Metadata metadata;
        try
        {
            using var admin = new DependentAdminClientBuilder(producer).Build();
            metadata = admin.GetMetadata(options.RequestTimeout);
        }
        catch (KafkaException exception)
        {
            LogUnchecked(logger, providerName, exception);
            return;
        }

        var section = KafkaStreamOptions.SectionName(providerName);
        foreach (var streamNamespace in options.Namespaces)
        {
            var name = options.TopicOf(streamNamespace);
            var topic = metadata.Topics.FirstOrDefault(t => t.Topic == name && !t.Error.IsError);
            if (topic is null)
            {
                LogMissing(logger, name, streamNamespace, options.Partitions);
                continue;
            }

            if (topic.Partitions.Count != options.Partitions)
            {
                throw new KafkaStreamException(
                    $"Topic '{name}' (stream namespace '{streamNamespace}') has {topic.Partitions.Count} partitions, but {section}:Partitions is "
                    + $"{options.Partitions}; they must be equal, or streams land in partitions other Kafka producers do not use.");
            }
        }
    }
}
