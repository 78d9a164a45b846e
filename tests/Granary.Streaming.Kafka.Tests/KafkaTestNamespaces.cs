namespace Granary.Streaming.Kafka.Tests;

public static class KafkaTestNamespaces
{
    /// <summary>The conformance grains' provider name, so their implicit subscribers serve these tests too.</summary>
    public const string Provider = Conformance.Streams.ConformanceNamespaces.Provider;
    public const string Greetings = "greetings";
    public const string Shipments = "shipments";
}
