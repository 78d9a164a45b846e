using System.Diagnostics;
using System.Globalization;
using Kafka.Testing;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Streaming.Kafka;
using Orleans.Streaming.Kafka.Benchmarks;
using Orleans.TestingHost;

// Publishes the same load through a bare Confluent.Kafka loop and through the provider (client -> Kafka ->
// pulling agent -> implicitly subscribed grain) on one mock cluster, and prints both. Asserts nothing.
var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
const int Publishers = 32;
const int Partitions = 4;

using var kafka = new KafkaMockCluster();
kafka.CreateTopic("bare", Partitions);
kafka.CreateTopic(Program.Namespace, Partitions);

var bare = await RunAsync("bare Confluent.Kafka", events, sink =>
{
    var loop = new BareKafkaLoop(kafka.BootstrapServers, "bare", Partitions, sink);
    return (key => loop.PublishAsync(key), loop);
});

var builder = new InProcessTestClusterBuilder(2);
void Configure(KafkaStreamOptions o)
{
    o.BootstrapServers = kafka.BootstrapServers;
    o.Namespaces = [Program.Namespace];
    o.Partitions = Partitions;
    o.Linger = TimeSpan.FromMilliseconds(1);
    o.ConsumerProperties["fetch.wait.max.ms"] = "5";
}

builder.ConfigureSilo((_, silo) =>
{
    silo.AddMemoryGrainStorage("PubSubStore");
    silo.AddKafkaStreams("bench", Configure);
});
builder.ConfigureClient(client => client.AddKafkaStreams("bench", Configure));
builder.ConfigureHost(host => host.Logging.SetMinimumLevel(LogLevel.Warning));
await using var cluster = builder.Build();
await cluster.DeployAsync();
var provider = cluster.Client.GetStreamProvider("bench");
var orleans = await RunAsync("Orleans (2 silos)", events, _ => (
    key => provider.GetStream<Ping>(StreamId.Create(Program.Namespace, key)).OnNextAsync(new Ping(Stopwatch.GetTimestamp())), null));

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ratio Orleans/bare: throughput {orleans.Rate / bare.Rate:F2}, p50 {orleans.P50 / bare.P50:F2}x, p99 {orleans.P99 / bare.P99:F2}x"));

static async Task<(double Rate, double P50, double P99)> RunAsync(string name, int events, Func<LatencySink, (Func<string, Task> Publish, IDisposable? Owner)> start)
{
    // A warm-up round opens connections, activates grains and fills JIT caches before the measured one.
    foreach (var (count, measured) in new[] { (Math.Min(2_000, events), false), (events, true) })
    {
        var sink = LatencySink.Current = new LatencySink(count);
        var (publish, owner) = start(sink);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Publishers).Select(async p =>
        {
            for (var i = p; i < count; i += Publishers) await publish($"key-{p}");
        }));
        await sink.Done.WaitAsync(TimeSpan.FromMinutes(2));
        clock.Stop();
        owner?.Dispose();
        if (!measured) continue;
        var rate = count / clock.Elapsed.TotalSeconds;
        var (p50, p99) = sink.Percentiles();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {count} events in {clock.Elapsed.TotalSeconds:F2} s = {rate:F0} events/s, p50 {p50:F1} ms, p99 {p99:F1} ms"));
        return (rate, p50, p99);
    }

    throw new UnreachableException();
}

/// <summary>Entry point and constants.</summary>
public static partial class Program
{
    public const string Namespace = "bench";
}
