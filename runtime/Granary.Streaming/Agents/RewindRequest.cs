using Granary.Runtime;
using Granary.Streams;

namespace Granary.Streaming.Agents;

/// <summary>A subscription that wants the events of its stream from <paramref name="From"/> on, before the agent's read position.</summary>
internal sealed record RewindRequest(int Partition, Guid SubscriptionId, GrainId Consumer, StreamId StreamId, long From);

/// <summary>
/// One subscription of a stream as a dispatch sees it. It gets a live event at or after <paramref name="LiveFrom"/>
/// and a re-read event (before the live end) at or after <paramref name="RewindFrom"/>; <see cref="long.MaxValue"/> means never.
/// </summary>
internal sealed record Subscriber(Guid SubscriptionId, GrainId Consumer, long LiveFrom, long RewindFrom)
{
    public bool Wants(long position, long liveEnd) => position >= liveEnd ? position >= LiveFrom : position >= RewindFrom;
}
