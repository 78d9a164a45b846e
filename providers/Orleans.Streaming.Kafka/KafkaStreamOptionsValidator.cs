using Microsoft.Extensions.Options;

namespace Orleans.Streaming.Kafka;

/// <summary>Checks a provider's settings at start; every failure names the setting by its configuration key.</summary>
internal sealed class KafkaStreamOptionsValidator(string providerName) : IValidateOptions<KafkaStreamOptions>
{
    public ValidateOptionsResult Validate(string? name, KafkaStreamOptions options)
    {
        // Named options: only the provider this validator was registered for.
        if (!string.Equals(name, providerName, StringComparison.Ordinal)) return ValidateOptionsResult.Skip;
        var section = KafkaStreamOptions.SectionName(providerName);
        List<string> failures = [];
        void Require(bool valid, string message)
        {
            if (!valid) failures.Add($"{section}:{message}");
        }

        Require(!string.IsNullOrWhiteSpace(options.BootstrapServers), "BootstrapServers is required (host:port of one or more brokers).");
        Require(options.Namespaces.Count > 0, "Namespaces must list at least one stream namespace.");
        Require(!options.Namespaces.Any(string.IsNullOrWhiteSpace), "Namespaces must not contain empty names.");
        Require(options.Namespaces.Distinct(StringComparer.Ordinal).Count() == options.Namespaces.Count, "Namespaces lists a namespace twice.");
        Require(options.Partitions is >= 1 and <= 10_000, $"Partitions must be between 1 and 10000 (was {options.Partitions}).");
        Require(options.MaxBufferedMessages >= 1, $"MaxBufferedMessages must be at least 1 (was {options.MaxBufferedMessages}).");
        Require(options.BufferFullTimeout >= TimeSpan.Zero, $"BufferFullTimeout must not be negative (was {options.BufferFullTimeout}).");
        Require(options.Linger >= TimeSpan.Zero && options.Linger <= TimeSpan.FromMinutes(15), $"Linger must be between 0 and 15 minutes (was {options.Linger}).");
        Require(options.DeliveryTimeout >= TimeSpan.FromMilliseconds(1), $"DeliveryTimeout must be positive (was {options.DeliveryTimeout}).");
        Require(options.PollTimeout >= TimeSpan.FromMilliseconds(1), $"PollTimeout must be positive (was {options.PollTimeout}).");
        Require(options.RequestTimeout >= TimeSpan.FromMilliseconds(1), $"RequestTimeout must be positive (was {options.RequestTimeout}).");
        Require(options.CacheSize >= 16, $"CacheSize must be at least 16 (was {options.CacheSize}).");
        foreach (var (streamNamespace, topic) in options.Topics)
            Require(!string.IsNullOrWhiteSpace(topic), $"Topics:{streamNamespace} must name a topic.");

        var topics = options.Namespaces.Select(options.TopicOf).Append(options.DeadLetterTopicFor(providerName)).ToList();
        Require(topics.Distinct(StringComparer.Ordinal).Count() == topics.Count,
            $"Topics: two namespaces, or a namespace and DeadLetterTopic, share a topic ({string.Join(", ", topics)}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
