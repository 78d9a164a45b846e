using Granary.Runtime.Tests.Grains;
using Granary.Testing;
using Microsoft.Extensions.Options;

namespace Granary.Runtime.Tests;

public sealed class HostingTests
{
    [Theory]
    [InlineData("Granary:Messaging:ResponseTimeout", "00:00:00")]
    [InlineData("Granary:Collection:CollectionQuantum", "-00:00:01")]
    [InlineData("Granary:ClusterId", " ")]
    public async Task An_invalid_setting_stops_start_up_with_a_message_naming_it(string setting, string value)
    {
        var options = ClusterFixture.Options(new Probe());
        options.Configuration[setting] = value;
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TestCluster.StartAsync(options));
        Assert.Contains(setting, failure.Message);
    }

    [Fact]
    public async Task A_grain_needing_an_unregistered_storage_fails_its_calls_with_the_storage_name()
    {
        await using var cluster = await TestCluster.StartAsync(ClusterFixture.Options(new Probe()));
        var grain = cluster.GrainFactory.GetGrain<IMisconfiguredStorageGrain>("x");
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Read());
        Assert.Contains("'missing-store'", failure.Message);
    }
}
