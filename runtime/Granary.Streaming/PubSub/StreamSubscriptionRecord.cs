using Granary.Serialization;

namespace Granary.Streaming.PubSub;

/// <summary>An explicit subscription as the pub-sub registry stores it.</summary>
[GenerateSerializer]
internal sealed class StreamSubscriptionRecord
{
    [Id(0)]
    public Guid Id { get; set; }

    /// <summary>The subscribing grain, in <c>type/key</c> form.</summary>
    [Id(1)]
    public string Consumer { get; set; } = "";

    /// <summary>The first position the subscription receives events from.</summary>
    [Id(2)]
    public long StartPosition { get; set; }
}

/// <summary>The stored registry of one stream.</summary>
[GenerateSerializer]
internal sealed class StreamPubSubState
{
    [Id(0)]
    public List<StreamSubscriptionRecord> Subscriptions { get; set; } = [];
}
