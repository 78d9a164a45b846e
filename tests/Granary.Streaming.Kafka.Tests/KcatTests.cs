using System.Diagnostics;
using Granary.Conformance.Streams;
using Granary.Streaming.Kafka.Configuration;
using Granary.Streaming.Kafka.Tests.Mock;
using Granary.Streams;

namespace Granary.Streaming.Kafka.Tests;

/// <summary>The wire format is open: kcat (a librdkafka tool that knows nothing of Granary) reads and writes events.</summary>
[Collection(KafkaMockCollection.Name)]
public sealed class KcatTests(KafkaMockFixture mock)
{
    private readonly StreamProbe _probe = new();
    private readonly string _prefix = KafkaMockFixture.NewPrefix();

    [Fact]
    public async Task Kcat_reads_the_key_headers_and_payload_of_an_event_Granary_published()
    {
        await using var cluster = await KafkaSilo.StartAsync(mock, _probe, _prefix, null, KafkaTestNamespaces.Greetings);
        var stream = cluster.Client.GetStreamProvider(KafkaTestNamespaces.Provider).GetStream<string>(KafkaTestNamespaces.Greetings, "alice");
        using (new Activity("publish").SetIdFormat(ActivityIdFormat.W3C).Start()) await stream.OnNextAsync("hello from granary");

        // Both partitions are read: the test does not assume which one the key went to.
        var printed = await KcatAsync(null, "-C", "-t", _prefix + KafkaTestNamespaces.Greetings, "-o", "beginning", "-e", "-c", "1",
            "-f", "key=%k|headers=%h|value=%s\n");
        Assert.StartsWith("key=alice|", printed, StringComparison.Ordinal);
        Assert.Matches("granary-event-id=[0-9a-f]{32}", printed);
        Assert.Contains("granary-event-type=System.String, System.Private.CoreLib,", printed, StringComparison.Ordinal);
        Assert.Contains("granary-event-kind=item", printed, StringComparison.Ordinal);
        Assert.Contains("content-type=application/x-granary", printed, StringComparison.Ordinal);
        Assert.Contains("granary-stream-namespace=greetings", printed, StringComparison.Ordinal);
        Assert.Matches("traceparent=00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]", printed);
        Assert.Contains("hello from granary", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_event_kcat_wrote_to_an_external_topic_reaches_the_implicitly_subscribed_grain()
    {
        var topic = _prefix + "warehouse.shipments";
        await using var cluster = await KafkaSilo.StartAsync(mock, _probe, _prefix, options =>
        {
            mock.Cluster.CreateTopic(topic, options.Partitions);
            options.ExternalTopics.Add(new KafkaExternalTopicOptions
            {
                Topic = topic, Namespace = KafkaTestNamespaces.Shipments, KeyProperty = "sku", EventType = "kafka-tests.shipment",
            });
        }, KafkaTestNamespaces.Greetings);

        await KcatAsync("{\"sku\":\"TEA-1\",\"quantity\":3}\n{\"sku\":\"TEA-1\",\"quantity\":4}\n", "-P", "-t", topic, "-k", "ignored-key");

        Assert.Equal(["TEA-1:3", "TEA-1:4"], await _probe.WaitForCount("TEA-1", 2));
    }

    private async Task<string> KcatAsync(string? input, params string[] arguments)
    {
        var start = new ProcessStartInfo("kcat") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in (string[])["-b", mock.Cluster.BootstrapServers, "-X", "socket.nagle.disable=true", .. arguments]) start.ArgumentList.Add(argument);
        using var kcat = Process.Start(start) ?? throw new InvalidOperationException("kcat did not start (apt package kcat).");
        if (input is not null) await kcat.StandardInput.WriteAsync(input);
        kcat.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var output = kcat.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = kcat.StandardError.ReadToEndAsync(timeout.Token);
        await kcat.WaitForExitAsync(timeout.Token);
        Assert.True(kcat.ExitCode == 0, $"kcat {string.Join(' ', arguments)} exited with {kcat.ExitCode}: {await errors}");
        return await output;
    }
}
