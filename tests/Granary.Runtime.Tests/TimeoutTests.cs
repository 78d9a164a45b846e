using Granary.Runtime.Tests.Grains;
using Granary.Testing;

namespace Granary.Runtime.Tests;

public sealed class TimeoutTests
{
    [Fact]
    public async Task A_call_without_a_response_within_the_timeout_fails_with_TimeoutException()
    {
        var probe = new Probe();
        var time = new ManualTimeProvider();
        var options = ClusterFixture.Options(probe, time);
        options.Configuration["Granary:Messaging:ResponseTimeout"] = "00:00:05";
        await using var cluster = await TestCluster.StartAsync(options);

        var call = cluster.GrainFactory.GetGrain<IReturnKindsGrain>("hang").Hang("hang-gate");
        await probe.Entered("hang-gate");
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));
        var failure = await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.Contains("Hang", failure.Message);
        probe.Open("hang-gate");
    }
}
