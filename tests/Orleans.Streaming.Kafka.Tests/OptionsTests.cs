using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Streaming.Kafka.Hosting;

namespace Orleans.Streaming.Kafka.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Options_bind_from_the_provider_section()
    {
        var options = Resolve(new()
        {
            ["Orleans:Streams:events:BootstrapServers"] = "kafka:9092",
            ["Orleans:Streams:events:Namespaces:0"] = "orders",
            ["Orleans:Streams:events:Topics:orders"] = "shop.orders",
            ["Orleans:Streams:events:Partitions"] = "3",
        }).Get("events");

        Assert.Equal("kafka:9092", options.BootstrapServers);
        Assert.Equal(["orders"], options.Namespaces);
        Assert.Equal("shop.orders", options.TopicOf("orders"));
        Assert.Equal(3, options.Partitions);
        Assert.Equal("events.dead-letters", options.DeadLetterTopicFor("events"));
    }

    [Fact]
    public void Invalid_options_fail_at_start_naming_each_setting()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["Orleans:Streams:events:Partitions"] = "0",
            ["Orleans:Streams:events:CacheSize"] = "1",
            ["Orleans:Streams:events:BufferFullTimeout"] = "-00:00:01",
        }).Get("events"));

        Assert.Contains(failure.Failures, f => f.StartsWith("Orleans:Streams:events:BootstrapServers is required", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Orleans:Streams:events:Namespaces must list", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Orleans:Streams:events:Partitions must be between 1 and 10000 (was 0)", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Orleans:Streams:events:CacheSize", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Orleans:Streams:events:BufferFullTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public void A_namespace_sharing_the_dead_letter_topic_is_refused()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["Orleans:Streams:events:BootstrapServers"] = "kafka:9092",
            ["Orleans:Streams:events:Namespaces:0"] = "orders",
            ["Orleans:Streams:events:DeadLetterTopic"] = "orders",
        }).Get("events"));

        Assert.Contains(failure.Failures, f => f.StartsWith("Orleans:Streams:events:Topics", StringComparison.Ordinal));
    }

    [Fact]
    public void Validation_runs_when_the_host_starts()
    {
        var services = Services(new() { ["Orleans:Streams:events:Partitions"] = "0" });
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(failure.Failures, f => f.Contains("Orleans:Streams:events:BootstrapServers", StringComparison.Ordinal));
    }

    private static IOptionsMonitor<KafkaStreamOptions> Resolve(Dictionary<string, string?> settings) =>
        Services(settings).BuildServiceProvider().GetRequiredService<IOptionsMonitor<KafkaStreamOptions>>();

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddKafkaStreamOptions("events");
        return services;
    }
}
