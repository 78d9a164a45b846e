using Granary.Hosting;
using Granary.Testing;
using Microsoft.Extensions.Options;

namespace Granary.Streaming.Tests;

public sealed class HostingTests
{
    [Fact]
    public async Task An_invalid_setting_stops_start_up_naming_the_setting()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestCluster.StartAsync(silo => silo.AddMemoryStreams("events", o => { o.MaxDeliveryAttempts = 0; o.Partitions = 0; })));
        Assert.Contains("Granary:Streams:events:MaxDeliveryAttempts", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Granary:Streams:events:Partitions", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_bind_from_configuration()
    {
        var options = new TestClusterOptions { ConfigureSilo = silo => silo.AddMemoryStreams("events") };
        options.Configuration["Granary:Streams:events:MaxDeliveryAttempts"] = "0";
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TestCluster.StartAsync(options));
        Assert.Contains("MaxDeliveryAttempts must be at least 1", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_provider_name_is_configured_once() =>
        Assert.Throws<InvalidOperationException>(() => TestCluster.StartAsync(silo => silo.AddMemoryStreams("events").AddMemoryStreams("events")).GetAwaiter().GetResult());

    [Fact]
    public async Task An_unknown_provider_name_is_reported_with_how_to_add_it()
    {
        await using var cluster = await TestCluster.StartAsync(silo => silo.AddMemoryStreams("events"));
        Assert.Equal("events", cluster.Client.GetStreamProvider("events").Name);
        var failure = Assert.Throws<KeyNotFoundException>(() => cluster.Client.GetStreamProvider("missing"));
        Assert.Contains("AddMemoryStreams(\"missing\")", failure.Message, StringComparison.Ordinal);
    }
}
