namespace Orleans.Streaming.Kafka.Tests.Grains;

/// <summary>The events of the tests; on the wire it is the JSON <c>{"value":"..."}</c>.</summary>
public sealed record TestEvent(string Value);

/// <summary>Stream namespaces (one topic each) and the provider name of the tests.</summary>
public static class TestStreams
{
    public const string Provider = "kafka";
    public const string Orders = "orders";
    public const string Fragile = "fragile";
    public const string Rewind = "rewind";
    public const int Partitions = 4;
    public const string DeadLetters = "kafka.dead-letters";

    public static readonly string[] Namespaces = [Orders, Fragile, Rewind];
}
