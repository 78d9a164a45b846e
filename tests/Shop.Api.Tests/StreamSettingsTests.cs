namespace Shop.Api.Tests;

/// <summary>The shop's stream provider is chosen by <c>Shop:Streams:Provider</c>; a bad choice stops start-up naming the setting.</summary>
public sealed class StreamSettingsTests
{
    [Fact]
    public async Task An_unknown_stream_provider_stops_start_up_naming_the_setting()
    {
        await using var api = new StreamsApiFactory(("Shop:Streams:Provider", "Carrier-pigeon"));

        var failure = Assert.Throws<InvalidOperationException>(() => api.CreateClient());

        Assert.Contains("Shop:Streams:Provider", failure.Message);
    }

    [Fact]
    public async Task Kafka_without_brokers_stops_start_up_naming_the_provider_setting()
    {
        await using var api = new StreamsApiFactory(("Shop:Streams:Provider", "Kafka"));

        var failure = Assert.ThrowsAny<Exception>(() => api.CreateClient());

        Assert.Contains("Orleans:Streams:shop-events:BootstrapServers", failure.ToString());
    }

    private sealed class StreamsApiFactory(params (string Key, string Value)[] settings) : ShopApiFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => settings.ToDictionary(s => s.Key, s => s.Value);
    }
}
