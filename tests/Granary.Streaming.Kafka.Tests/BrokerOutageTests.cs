using Granary.Conformance.Streams;
using Granary.Streaming.Kafka.Tests.Mock;
using Granary.Streams;

namespace Granary.Streaming.Kafka.Tests;

/// <summary>
/// The mock's brokers go down and come back while streams are published and consumed: a publish that the broker
/// never acknowledged fails with a clear error, one buffered during the outage succeeds once the broker is back,
/// and every acknowledged event reaches its subscriber, in order.
/// </summary>
[Collection(KafkaMockCollection.Name)]
public sealed class BrokerOutageTests(KafkaMockFixture mock) : IDisposable
{
    private const int Streams = 4;
    private readonly StreamProbe _probe = new();
    private readonly string _prefix = KafkaMockFixture.NewPrefix();
    private readonly string[] _keys = [.. Enumerable.Range(0, Streams).Select(_ => Guid.NewGuid().ToString("N"))];
    private readonly List<int>[] _acknowledged = [.. Enumerable.Range(0, Streams).Select(_ => new List<int>())];

    [Fact]
    public async Task Publishes_fail_clearly_or_wait_out_an_outage_and_every_acknowledged_event_is_delivered_in_order()
    {
        await using var cluster = await KafkaSilo.StartAsync(mock, _probe, _prefix, o => o.DeliveryTimeout = TimeSpan.FromSeconds(2), ConformanceNamespaces.Implicit);
        var streams = _keys.Select(k => cluster.Client.GetStreamProvider(KafkaTestNamespaces.Provider).GetStream<int>(ConformanceNamespaces.Implicit, k)).ToArray();
        await PublishAllAsync(streams, 0, 20);
        await Task.WhenAll(_keys.Select(k => _probe.WaitForCount(k, 20)));

        mock.Cluster.SetDown();
        // Nothing acknowledges these: each fails once DeliveryTimeout (2 s) has passed, naming the setting.
        var failures = await Task.WhenAll(streams.Select(s => Assert.ThrowsAsync<KafkaStreamException>(() => s.OnNextAsync(-1))));
        Assert.All(failures, f => Assert.Contains("DeliveryTimeout", f.Message, StringComparison.Ordinal));

        // These are buffered while the broker is down and acknowledged after it comes back.
        var buffered = PublishAllAsync(streams, 20, 10);
        mock.Cluster.SetUp();
        await buffered;
        await PublishAllAsync(streams, 30, 10);

        for (var i = 0; i < Streams; i++)
        {
            var seen = await _probe.WaitUntil(_keys[i], s => _acknowledged[i].All(a => s.Contains(a.ToString(System.Globalization.CultureInfo.InvariantCulture))), "every acknowledged event arrived");
            var items = seen.Select(int.Parse).Where(n => n >= 0).ToList();
            Assert.Equal(items.Order(), items);
            Assert.Equal(Enumerable.Range(0, 40), items.Distinct());
        }
    }

    public void Dispose() => mock.Cluster.SetUp();

    private Task PublishAllAsync(IAsyncStream<int>[] streams, int from, int count) => Task.WhenAll(streams.Select(async (stream, i) =>
    {
        for (var item = from; item < from + count; item++)
        {
            await stream.OnNextAsync(item);
            lock (_acknowledged[i]) _acknowledged[i].Add(item);
        }
    }));
}
