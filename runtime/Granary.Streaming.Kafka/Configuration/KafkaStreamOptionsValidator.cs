using Granary.Streaming.Configuration;
using Microsoft.Extensions.Options;

namespace Granary.Streaming.Kafka.Configuration;

/// <summary>Checks the Kafka settings at start, naming each wrong setting by its configuration key.</summary>
internal sealed class KafkaStreamOptionsValidator : IValidateOptions<KafkaStreamOptions>
{
    public ValidateOptionsResult Validate(string? name, KafkaStreamOptions options)
    {
        var section = StreamProviderOptions.SectionName(name ?? "");
        List<string> failures = [];
        if (string.IsNullOrWhiteSpace(options.BootstrapServers)) failures.Add($"{section}:BootstrapServers is required (host:port of one or more brokers).");
        if (options.Partitions is < 1 or > 10_000) failures.Add($"{section}:Partitions must be between 1 and 10000 (was {options.Partitions}).");
        if (options.Namespaces.Count == 0 && options.ExternalTopics.Count == 0)
            failures.Add($"{section}:Namespaces must list at least one stream namespace (or {section}:ExternalTopics one topic).");
        if (options.Namespaces.Any(string.IsNullOrWhiteSpace)) failures.Add($"{section}:Namespaces must not contain empty names.");
        if (options.Namespaces.Distinct(StringComparer.Ordinal).Count() != options.Namespaces.Count) failures.Add($"{section}:Namespaces lists a namespace twice.");
        if (options.MaxBufferedMessages < 1) failures.Add($"{section}:MaxBufferedMessages must be at least 1 (was {options.MaxBufferedMessages}).");
        if (options.BufferFullTimeout < TimeSpan.Zero) failures.Add($"{section}:BufferFullTimeout must not be negative (was {options.BufferFullTimeout}).");
        if (options.Linger < TimeSpan.Zero || options.Linger > TimeSpan.FromMinutes(15)) failures.Add($"{section}:Linger must be between 0 and 15 minutes (was {options.Linger}).");
        if (options.DeliveryTimeout < TimeSpan.FromMilliseconds(1)) failures.Add($"{section}:DeliveryTimeout must be positive (was {options.DeliveryTimeout}).");
        if (options.PollInterval < TimeSpan.FromMilliseconds(1)) failures.Add($"{section}:PollInterval must be positive (was {options.PollInterval}).");
        if (options.RequestTimeout < TimeSpan.FromMilliseconds(1)) failures.Add($"{section}:RequestTimeout must be positive (was {options.RequestTimeout}).");
        for (var i = 0; i < options.ExternalTopics.Count; i++) AddExternalFailures($"{section}:ExternalTopics:{i}", options, options.ExternalTopics[i], failures);
        var topics = options.Namespaces.Select(options.TopicOf).Concat(options.ExternalTopics.Select(t => t.Topic)).Append(options.DeadLetterTopicFor(name ?? "")).ToList();
        if (topics.Distinct(StringComparer.Ordinal).Count() != topics.Count)
            failures.Add($"{section}: two of the namespaces' topics, external topics and the dead-letter topic have the same name ({string.Join(", ", topics)}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddExternalFailures(string section, KafkaStreamOptions options, KafkaExternalTopicOptions topic, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(topic.Topic)) failures.Add($"{section}:Topic is required.");
        if (string.IsNullOrWhiteSpace(topic.Namespace)) failures.Add($"{section}:Namespace is required.");
        else if (options.Namespaces.Contains(topic.Namespace)) failures.Add($"{section}:Namespace '{topic.Namespace}' is also one of Namespaces; an external topic needs a namespace of its own.");
        if (string.IsNullOrWhiteSpace(topic.EventType)) failures.Add($"{section}:EventType is required (the item type's wire name).");
        if (topic.Partitions is < 1) failures.Add($"{section}:Partitions must be at least 1 (was {topic.Partitions}).");
    }
}
