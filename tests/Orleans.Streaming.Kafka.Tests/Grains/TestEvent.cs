namespace Orleans.Streaming.Kafka.Tests.Grains;

/// <summary>The events of the tests; on the wire it is the JSON <c>{"value":"..."}</c>.</summary>
[Alias(EventTypeHeaders.TestEvent)]
public record TestEvent(string Value)
{
    /// <summary>What subscribers record: a derived event shows which type the event-type header resolved to.</summary>
    public virtual string Describe() => Value;
}

/// <summary>A derived event, <c>{"value":"...","stamp":"..."}</c>: delivered as itself only when its event-type header resolves.</summary>
[Alias(EventTypeHeaders.StampedEvent)]
public sealed record StampedEvent(string Value, string Stamp) : TestEvent(Value)
{
    public override string Describe() => $"{Value} ({Stamp})";
}

/// <summary>The event-type headers of the test events.</summary>
public static class EventTypeHeaders
{
    public const string TestEvent = "kafka-tests.TestEvent";
    public const string StampedEvent = "kafka-tests.StampedEvent";

    /// <summary>What the provider wrote for <see cref="Grains.StampedEvent"/> before it used aliases: <c>Namespace.Type, Assembly</c>.</summary>
    public static readonly string StampedEventClrName = $"{typeof(StampedEvent).FullName}, {typeof(StampedEvent).Assembly.GetName().Name}";
}

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
