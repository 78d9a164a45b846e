using System.Globalization;
using Granary;
using Granary.Hosting;
using Granary.Storage.Benchmarks;
using Granary.Testing;
using Npgsql;

// dotnet run -c Release --project tests/Granary.Storage.Benchmarks -- [--quick] [--workers N]
// PostgreSQL from GRANARY_TEST_POSTGRES (scripts/test-deps.sh exports it); works in a throwaway schema.
var quick = args.Contains("--quick");
var workers = args.SkipWhile(a => a != "--workers").Skip(1).Select(int.Parse).FirstOrDefault(16);
var window = TimeSpan.FromSeconds(quick ? 1 : 3);
var rounds = quick ? 1 : 3;
var connectionString = Environment.GetEnvironmentVariable("GRANARY_TEST_POSTGRES") is { Length: > 0 } configured
    ? configured
    : "Host=127.0.0.1;Port=5432;Username=granary_test;Password=granary_test;Database=granary_test";
var schema = $"bench_{Guid.NewGuid():N}"[..20];
await ExecuteAsync(connectionString, $"CREATE SCHEMA {schema}");
var benchConnection = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ConnectionString;
try
{
    var options = new TestClusterOptions { ConfigureSilo = silo => silo.AddAdoNetGrainStorage("pg", o => o.ConnectionString = benchConnection) };
    options.Configuration["Granary:ServiceId"] = "bench";
    await using var cluster = await TestCluster.StartAsync(options);
    await using var bare = new BareNpgsql(benchConnection, "bench");
    var grains = Enumerable.Range(0, workers).Select(i => cluster.GrainFactory.GetGrain<IBenchGrain>(i)).ToArray();
    var versions = await bare.SeedAsync(workers);

    Task RuntimeWrite(int w) => grains[w].Write();
    async Task BareWrite(int w) => versions[w] = await bare.WriteAsync(w, versions[w]);
    Task RuntimeRead(int i) => grains[0].Read();
    Task BareRead(int i) => bare.ReadAsync(0);

    // Warm-up: JIT, connection pools, prepared statements, activations.
    await Measure.ThroughputAsync(workers, TimeSpan.FromSeconds(1), RuntimeWrite);
    await Measure.ThroughputAsync(workers, TimeSpan.FromSeconds(1), BareWrite);
    await Measure.LatenciesAsync(TimeSpan.FromMilliseconds(300), RuntimeRead);
    await Measure.LatenciesAsync(TimeSpan.FromMilliseconds(300), BareRead);

    var runtimeWrites = new List<double>();
    var bareWrites = new List<double>();
    var runtimeReads = new List<double[]>();
    var bareReads = new List<double[]>();
    for (var round = 0; round < rounds; round++)
    {
        // Alternate the two sides within each round, so drift on a shared machine hits both.
        runtimeWrites.Add(await Measure.ThroughputAsync(workers, window, RuntimeWrite));
        bareWrites.Add(await Measure.ThroughputAsync(workers, window, BareWrite));
        bareReads.Add(await Measure.LatenciesAsync(window / 2, BareRead));
        runtimeReads.Add(await Measure.LatenciesAsync(window / 2, RuntimeRead));
    }

    var rw = Measure.Median(runtimeWrites);
    var bw = Measure.Median(bareWrites);
    var rp50 = Measure.Median(runtimeReads.Select(r => Measure.Percentile(r, 0.5)));
    var bp50 = Measure.Median(bareReads.Select(r => Measure.Percentile(r, 0.5)));
    var rp99 = Measure.Median(runtimeReads.Select(r => Measure.Percentile(r, 0.99)));
    var bp99 = Measure.Median(bareReads.Select(r => Measure.Percentile(r, 0.99)));
    var f = CultureInfo.InvariantCulture;
    Console.WriteLine($"# Grain state on PostgreSQL: runtime vs bare Npgsql{(quick ? " (quick: rough figures)" : "")}");
    Console.WriteLine();
    Console.WriteLine($"{Environment.ProcessorCount} cores, {workers} concurrent writers, {rounds} alternating round(s) of {window.TotalSeconds:0} s, medians; payload {Granary.Serialization.Serializer.Serialize(new BenchState()).Length} bytes.");
    Console.WriteLine();
    Console.WriteLine("| measure | through the runtime | bare Npgsql | ratio runtime/bare |");
    Console.WriteLine("|---|---|---|---|");
    Console.WriteLine(string.Create(f, $"| conditional writes/s | {rw:0} | {bw:0} | {rw / bw:0.00} |"));
    Console.WriteLine(string.Create(f, $"| read latency p50 (µs) | {rp50:0} | {bp50:0} | {bp50 / rp50:0.00} |"));
    Console.WriteLine(string.Create(f, $"| read latency p99 (µs) | {rp99:0} | {bp99:0} | {bp99 / rp99:0.00} |"));
    Console.WriteLine();
    Console.WriteLine("Ratios are runtime throughput over bare throughput, and bare latency over runtime latency: 1.00 means no overhead; the aim is at least 0.80.");
}
finally
{
    await ExecuteAsync(connectionString, $"DROP SCHEMA IF EXISTS {schema} CASCADE");
}

return 0;

static async Task ExecuteAsync(string connectionString, string sql)
{
    await using var source = NpgsqlDataSource.Create(connectionString);
    await using var command = source.CreateCommand(sql);
    await command.ExecuteNonQueryAsync();
}
