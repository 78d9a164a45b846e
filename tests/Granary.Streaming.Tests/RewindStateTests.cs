using Granary.Runtime;
using Granary.Streaming.Agents;
using Granary.Streams;

namespace Granary.Streaming.Tests;

/// <summary>How a partition agent tracks rewinds: pending until applied between batches, active until the live end.</summary>
public sealed class RewindStateTests
{
    private static RewindRequest Request(long from) =>
        new(0, Guid.NewGuid(), GrainId.Create("subscriber", "a"), StreamId.Create("ns", "k"), from);

    [Fact]
    public void A_request_is_pending_until_applied_then_moves_the_read_position_back()
    {
        var state = new RewindState();
        state.Start(10);
        var request = Request(3);
        state.Request(request);
        Assert.True(state.IsPending(request.SubscriptionId));

        var rewound = new List<long>();
        Assert.Equal(3, state.Apply(10, (_, from) => rewound.Add(from)));
        Assert.False(state.IsPending(request.SubscriptionId));
        Assert.Equal([request], state.Active);
        Assert.Equal([10L], rewound);
        Assert.Equal([request], state.Joining);
        state.Confirm(request.SubscriptionId);
        Assert.Empty(state.Joining);
    }

    [Fact]
    public void A_request_at_or_after_the_live_end_needs_no_rewind()
    {
        var state = new RewindState();
        state.Start(10);
        state.Request(Request(10));
        Assert.Equal(10, state.Apply(10, (_, _) => Assert.Fail("no rewind expected")));
        Assert.Empty(state.Active);
        Assert.False(state.HasPending);
        Assert.Single(state.Joining);
    }

    [Fact]
    public void Rewinds_end_once_the_agent_is_back_at_the_live_end()
    {
        var state = new RewindState();
        state.Start(10);
        state.Request(Request(2));
        state.Apply(10, (_, _) => { });
        state.Advance(6);
        Assert.Single(state.Active);
        Assert.Equal(10, state.LiveEnd);
        state.Advance(12);
        Assert.Empty(state.Active);
        Assert.Equal(12, state.LiveEnd);
    }
}
