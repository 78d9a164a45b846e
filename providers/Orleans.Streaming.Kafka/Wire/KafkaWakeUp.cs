namespace Orleans.Streaming.Kafka.Wire;

/// <summary>
/// Not an event: the receiver returns one when a rewinding cursor of <see cref="StreamId"/> has read records back
/// from Kafka. The pulling agent only restarts idle cursors of streams that appear in a read, so this is how a
/// rewind that reads asynchronously gets its events delivered. The cache never stores it; it carries no events.
/// </summary>
[GenerateSerializer]
internal sealed class KafkaWakeUp(StreamId streamId, KafkaSequenceToken token) : IBatchContainer
{
    [Id(0)]
    public StreamId StreamId { get; } = streamId;

    [Id(1)]
    public StreamSequenceToken SequenceToken { get; } = token;

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>() => [];

    public bool ImportRequestContext() => false;
}
