using Granary.Serialization;
using Granary.Streaming.Providers;
using Granary.Streams;

namespace Granary.Streaming.Consumers;

/// <summary>One event for one subscription of a grain. The payload stays encoded: the observer's type decodes it.</summary>
[GenerateSerializer]
internal sealed class StreamDelivery
{
    [Id(0)]
    public string Provider { get; set; } = "";

    [Id(1)]
    public StreamId StreamId { get; set; }

    [Id(2)]
    public Guid SubscriptionId { get; set; }

    [Id(3)]
    public StreamEventKind Kind { get; set; }

    [Id(4)]
    public string ContentType { get; set; } = "";

    [Id(5)]
    public byte[] Payload { get; set; } = [];

    [Id(6)]
    public long Position { get; set; }

    [Id(7)]
    public string EventId { get; set; } = "";

    [Id(8)]
    public string EventType { get; set; } = "";

    [Id(9)]
    public int Attempt { get; set; }

    public StreamSequenceToken Token => new EventSequenceToken(Position);
}
