using System.Diagnostics;

namespace Orleans.Streaming.Kafka;

/// <summary>Tracing of the Kafka stream provider: add <see cref="ActivitySourceName"/> to a tracer to see publishes.</summary>
public static class KafkaStreamsTelemetry
{
    /// <summary>The name of the provider's <see cref="ActivitySource"/>.</summary>
    public const string ActivitySourceName = "Orleans.Streaming.Kafka";

    internal static readonly ActivitySource ActivitySource = new(ActivitySourceName);
}
