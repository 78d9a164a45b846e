using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Orleans.Streaming.Kafka.Wire;

/// <summary>
/// One Kafka record as Orleans delivers it: one event, its offset as the token, the JSON payload still encoded.
/// The subscriber decodes it into its own item type, so a topic written by any Kafka client reaches typed grains.
/// Immutable, so Orleans never copies it locally: a copy would not carry the silo's type names.
/// </summary>
[GenerateSerializer]
[Immutable]
[SerializationCallbacks(typeof(OnDeserializedCallbacks))]
internal sealed class KafkaBatchContainer(
    StreamId streamId, KafkaSequenceToken token, byte[] payload, string? eventType, string? eventId, string? traceParent, EventTypeNames types)
    : IBatchContainer, IOnDeserialized
{
    // A service, not data: a container delivered to a grain on another silo takes that silo's (see OnDeserialized).
    [NonSerialized]
    private EventTypeNames _types = types;

    [Id(0)]
    public StreamId StreamId { get; } = streamId;

    [Id(1)]
    public KafkaSequenceToken Token { get; } = token;

    [Id(2)]
    public byte[] Payload { get; } = payload;

    [Id(3)]
    public string? EventType { get; } = eventType;

    [Id(4)]
    public string? EventId { get; } = eventId;

    [Id(5)]
    public string? TraceParent { get; } = traceParent;

    public StreamSequenceToken SequenceToken => Token;

    public long Offset => Token.SequenceNumber;

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>()
    {
        var type = _types.Resolve(EventType) is { } named && typeof(T).IsAssignableFrom(named) ? named : typeof(T);
        // An object subscriber without a resolvable type still gets the JSON, as a JsonElement.
        if (type == typeof(object)) type = typeof(JsonElement);
        var value = JsonSerializer.Deserialize(Payload, type, EventTypes.Json);
        return value is T item ? [Tuple.Create(item, SequenceToken)] : [];
    }

    public bool ImportRequestContext()
    {
        if (TraceParent is null) return false;
        // Orleans' activity propagation reads the W3C context from the request context under this key.
        RequestContext.Set(KafkaStreamHeaders.TraceParent, TraceParent);
        return true;
    }

    void IOnDeserialized.OnDeserialized(DeserializationContext context) => _types = context.ServiceProvider.GetRequiredService<EventTypeNames>();

    public override string ToString() => $"[Kafka {StreamId} {Token}]";
}
