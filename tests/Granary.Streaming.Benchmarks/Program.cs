using System.Diagnostics;
using System.Globalization;
using Granary;
using Granary.Hosting;
using Granary.Storage.Benchmarks;
using Granary.Streaming.Benchmarks;
using Granary.Kafka.Testing;
using Granary.Streams;
using Granary.Testing;
using Microsoft.Extensions.DependencyInjection;

// dotnet run -c Release --project tests/Granary.Streaming.Benchmarks -- [--quick] [--streams N] [--events N]
// Publish-to-subscriber throughput and latency of Kafka streams through librdkafka's mock cluster, beside a bare
// Confluent.Kafka producer->consumer loop on the same cluster in the same run. Each publisher awaits its ack.
var quick = args.Contains("--quick");
int Arg(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).FirstOrDefault(fallback);
var streamCount = Arg("--streams", 64);
var perStream = Arg("--events", quick ? 4_000 : 30_000) / streamCount;
var events = perStream * streamCount;
var rounds = quick ? 1 : 3;
const int Partitions = 4;

using var mock = new KafkaMockCluster();
var prefix = $"bench{Guid.NewGuid():N}.";
mock.CreateTopic(prefix + BenchNames.Namespace, Partitions);
mock.CreateTopic(prefix + "bare", Partitions);
mock.CreateTopic(prefix + "dead-letters", 1);
var sink = new LatencySink();
await using var cluster = await TestCluster.StartAsync(new TestClusterOptions
{
    ConfigureSilo = silo => silo.AddKafkaStreams(BenchNames.Provider, o =>
    {
        o.BootstrapServers = mock.BootstrapServers;
        o.Namespaces.Add(BenchNames.Namespace);
        o.TopicPrefix = prefix;
        o.Partitions = Partitions;
        o.DeadLetterTopic = prefix + "dead-letters";
        o.Linger = TimeSpan.FromMilliseconds(1);
        o.PollInterval = TimeSpan.FromMilliseconds(100);
        o.ConsumerProperties["fetch.wait.max.ms"] = "5";
    }),
    ConfigureServices = services => services.AddSingleton(sink),
});
using var bare = new BareKafkaLoop(mock.BootstrapServers, prefix + "bare", Partitions, sink);
var keys = Enumerable.Range(0, streamCount).Select(i => $"stream-{i}").ToArray();
var streams = keys.Select(k => cluster.Client.GetStreamProvider(BenchNames.Provider).GetStream<long>(BenchNames.Namespace, k)).ToArray();

Task GranaryPublish(int s) => streams[s].OnNextAsync(Stopwatch.GetTimestamp());
Task BarePublish(int s) => bare.PublishAsync(keys[s]);

async Task<(double PerSecond, double[] Latencies)> RunAsync(int perStreamEvents, Func<int, Task> publish)
{
    var done = sink.Start(perStreamEvents * streamCount);
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, streamCount).Select(async s =>
    {
        for (var i = 0; i < perStreamEvents; i++) await publish(s);
    }));
    await done.WaitAsync(TimeSpan.FromMinutes(2));
    var latencies = sink.Latencies();
    Array.Sort(latencies);
    return (latencies.Length / clock.Elapsed.TotalSeconds, latencies);
}

// Warm-up: JIT, first produce on each producer (about 1 s on the mock), activations of the subscribers.
await RunAsync(20, GranaryPublish);
await RunAsync(20, BarePublish);

var granary = new List<(double PerSecond, double[] Latencies)>();
var baseline = new List<(double PerSecond, double[] Latencies)>();
for (var round = 0; round < rounds; round++)
{
    // Alternate the sides within a round, so drift on a shared machine hits both.
    granary.Add(await RunAsync(perStream, GranaryPublish));
    baseline.Add(await RunAsync(perStream, BarePublish));
}

var f = CultureInfo.InvariantCulture;
double Rate(List<(double PerSecond, double[] Latencies)> runs) => Measure.Median(runs.Select(r => r.PerSecond));
double Latency(List<(double PerSecond, double[] Latencies)> runs, double p) => Measure.Median(runs.Select(r => Measure.Percentile(r.Latencies, p)));
Console.WriteLine($"# Kafka streams on the librdkafka mock cluster: Granary vs bare Confluent.Kafka{(quick ? " (quick: rough figures)" : "")}");
Console.WriteLine(string.Create(f, $"{streamCount} streams, {Partitions} partitions, {events} events per round, {rounds} round(s), median of rounds; each publisher awaits the broker's ack"));
Console.WriteLine("| path | events/s | p50 ms | p99 ms |");
Console.WriteLine("|---|---:|---:|---:|");
Console.WriteLine(string.Create(f, $"| Granary publish -> subscriber grain | {Rate(granary):F0} | {Latency(granary, 0.5):F2} | {Latency(granary, 0.99):F2} |"));
Console.WriteLine(string.Create(f, $"| bare producer -> consumer | {Rate(baseline):F0} | {Latency(baseline, 0.5):F2} | {Latency(baseline, 0.99):F2} |"));
Console.WriteLine(string.Create(f, $"throughput ratio Granary/bare: {Rate(granary) / Rate(baseline):F2} (aim >= 0.5)"));
