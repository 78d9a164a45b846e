using System.Diagnostics;
using System.Text;
using Orleans.Streaming.Kafka.Kafka;
using Orleans.Streaming.Kafka.Tests.Fixtures;
using Orleans.Streaming.Kafka.Tests.Grains;

namespace Orleans.Streaming.Kafka.Tests;

/// <summary>The wire format is open: kcat, which knows nothing of Orleans, reads and writes events.</summary>
[Collection(SharedKafkaCollection.Name)]
public sealed class KcatTests(SharedKafkaCluster kafka)
{
    [Fact]
    public async Task Kcat_reads_the_key_headers_and_json_of_an_event_Orleans_published()
    {
        var key = "kcat-read-" + Guid.NewGuid().ToString("N");
        using (var activity = new Activity("test publish").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            await kafka.Stream(TestStreams.Orders, key).OnNextAsync(new TestEvent("hello from orleans"));
        }

        var partition = KafkaPartitioner.Partition(Encoding.UTF8.GetBytes(key), TestStreams.Partitions);
        var printed = await KcatAsync(null, "-C", "-t", TestStreams.Orders, "-p", $"{partition}", "-o", "beginning", "-e", "-f", "key=%k|headers=%h|value=%s\n");
        var line = Assert.Single(printed.Split('\n'), l => l.StartsWith($"key={key}|", StringComparison.Ordinal));
        Assert.Matches("event-id=[0-9a-f]{32}", line);
        Assert.Contains($"|headers=event-type={EventTypeHeaders.TestEvent},event-id=", line, StringComparison.Ordinal);
        Assert.Contains("content-type=application/json", line, StringComparison.Ordinal);
        Assert.Matches("traceparent=00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]", line);
        Assert.EndsWith("value={\"value\":\"hello from orleans\"}", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_event_kcat_wrote_reaches_the_subscribed_grain()
    {
        var key = "kcat-write-" + Guid.NewGuid().ToString("N");
        // librdkafka's default partitioner is CRC32-based; murmur2_random is the Java client's, which the provider follows.
        await KcatAsync("{\"value\":\"from kcat\"}\n", "-P", "-t", TestStreams.Orders, "-k", key, "-X", "partitioner=murmur2_random");

        Assert.Equal(["from kcat"], await EffectLog.For(key).WaitForCount(1));
    }

    private async Task<string> KcatAsync(string? input, params string[] arguments)
    {
        var start = new ProcessStartInfo("kcat") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in (string[])["-b", kafka.Kafka.BootstrapServers, .. arguments]) start.ArgumentList.Add(argument);
        using var kcat = Process.Start(start) ?? throw new InvalidOperationException("kcat did not start (Debian package kcat).");
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
