using Granary.Runtime.Tests.Grains;

namespace Granary.Runtime.Tests;

[Collection(DefaultCluster.Name)]
public sealed class ReentrancyTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_call_back_into_a_waiting_non_reentrant_grain_fails_at_once_with_the_call_chain()
    {
        var origin = fixture.Grains.GetGrain<IChainGrain>("chain-a");
        var failure = await Assert.ThrowsAsync<DeadlockException>(() => origin.RoundTrip("chain-b", allowReentry: false));
        Assert.Equal(["chain/chain-a", "chain/chain-b"], failure.CallChain);
        Assert.Contains("chain/chain-a", failure.Message);
    }

    [Fact]
    public async Task A_grain_calling_itself_is_reported_as_a_deadlock()
    {
        var grain = fixture.Grains.GetGrain<IChainGrain>("self-caller");
        var failure = await Assert.ThrowsAsync<DeadlockException>(() => grain.CallSelf());
        Assert.Equal(["chain/self-caller"], failure.CallChain);
    }

    [Fact]
    public async Task Call_chain_reentrancy_allows_the_call_back_when_the_caller_opts_in()
    {
        var origin = fixture.Grains.GetGrain<IChainGrain>("chain-allowed-a");
        Assert.Equal("echo from chain-allowed-a", await origin.RoundTrip("chain-allowed-b", allowReentry: true));
    }

    [Fact]
    public async Task A_reentrant_grain_accepts_calls_back_through_the_chain()
    {
        var origin = fixture.Grains.GetGrain<IReentrantChainGrain>("reentrant-origin");
        Assert.Equal("reentrant echo", await origin.RoundTrip("reentrant-via"));
    }

    [Fact]
    public async Task The_grain_stays_usable_after_a_rejected_call_back()
    {
        var origin = fixture.Grains.GetGrain<IChainGrain>("after-deadlock");
        await Assert.ThrowsAsync<DeadlockException>(() => origin.CallSelf());
        Assert.Equal("echo from after-deadlock", await origin.Echo());
    }
}
