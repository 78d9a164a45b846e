// Grain state writes per second through Orleans' AdoNetGrainStorage on the shop schema, beside a bare Npgsql
// upsert loop writing the same payload bytes with the same concurrency, in the same run. Prints both and their
// ratio; asserts nothing.
//   dotnet run -c Release --project tests/Shop.Database.Benchmarks -- [grains=2000] [rounds=5] [concurrency=8] [serializer]
// serializer: "default" (Orleans 10's default IGrainStorageSerializer, Newtonsoft.Json), "stj" (System.Text.Json)
// or "orleans" (Orleans' binary serializer).
// Connection string: SHOP_TEST_POSTGRES (scripts/test-deps.sh exports it). Works in a throwaway schema.
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Storage;
using Shop.Database;
using Shop.Database.Benchmarks;
using Shop.Testing.Ports;

var grains = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8;
var serializerChoice = args.Length > 3 ? args[3] : "default";
var baseConnectionString = Environment.GetEnvironmentVariable("SHOP_TEST_POSTGRES")
    ?? throw new InvalidOperationException("Set SHOP_TEST_POSTGRES (source scripts/test-deps.sh).");

var schema = $"bench_{Guid.NewGuid():N}"[..18];
var connectionString = new NpgsqlConnectionStringBuilder(baseConnectionString) { SearchPath = schema }.ConnectionString;
await SchemaMigrator.MigrateAsync(connectionString);
try
{
    using var silo = Host.CreateDefaultBuilder()
        .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
        .UseOrleans(builder =>
        {
            builder.UseLocalhostClustering(FreePorts.Next(), FreePorts.Next())
                .AddAdoNetGrainStorage("bench", options =>
                {
                    options.Invariant = ShopDatabase.AdoNetInvariant;
                    options.ConnectionString = connectionString;
                });
            switch (serializerChoice)
            {
                case "stj":
                    builder.UseSystemTextJsonGrainStorageSerializer();
                    break;
                case "orleans":
                    builder.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
                    break;
            }
        })
        .Build();
    await silo.StartAsync();
    var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>("bench");
    var serializer = silo.Services.GetRequiredService<IGrainStorageSerializer>();

    var states = Enumerable.Range(0, grains)
        .Select(i => (Id: GrainId.Create("bench", i.ToString(CultureInfo.InvariantCulture)), State: new GrainState<BenchState>(BenchState.Sample(i))))
        .ToArray();
    var payloads = states.Select(s => serializer.Serialize(s.State.State!).ToArray()).ToArray();

    await using var dataSource = NpgsqlDataSource.Create(connectionString);
    await using (var create = dataSource.CreateCommand(
        "CREATE TABLE bare_state (id text PRIMARY KEY, payload bytea NOT NULL, version integer NOT NULL)"))
    {
        await create.ExecuteNonQueryAsync();
    }

    async Task OrleansRound()
    {
        await Parallel.ForEachAsync(states, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (entry, _) =>
        {
            entry.State.State!.Counter++;
            await storage.WriteStateAsync("shop.bench", entry.Id, entry.State);
        });
    }

    async Task BareRound()
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, grains), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            await using var command = dataSource.CreateCommand("""
                INSERT INTO bare_state (id, payload, version) VALUES ($1, $2, 1)
                ON CONFLICT (id) DO UPDATE SET payload = excluded.payload, version = bare_state.version + 1
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = states[i].Id.ToString() });
            command.Parameters.Add(new NpgsqlParameter { Value = payloads[i] });
            await command.ExecuteNonQueryAsync(ct);
        });
    }

    // First round of each inserts the rows and warms pools and JIT; then the rounds alternate so both see the
    // same machine load.
    await OrleansRound();
    await BareRound();
    var orleansTime = TimeSpan.Zero;
    var bareTime = TimeSpan.Zero;
    var pairedRatios = new List<double>();
    for (var round = 0; round < rounds; round++)
    {
        var watch = Stopwatch.StartNew();
        await OrleansRound();
        var orleansRound = watch.Elapsed;
        watch.Restart();
        await BareRound();
        var bareRound = watch.Elapsed;
        orleansTime += orleansRound;
        bareTime += bareRound;
        // Neighbouring rounds share the machine's load of the moment: their ratio is steadier than the totals'.
        pairedRatios.Add(bareRound / orleansRound);
        Console.WriteLine($"round {round + 1}: Orleans {grains / orleansRound.TotalSeconds,8:N0}/s, bare {grains / bareRound.TotalSeconds,8:N0}/s");
    }

    var writes = (double)grains * rounds;
    var orleansRate = writes / orleansTime.TotalSeconds;
    var bareRate = writes / bareTime.TotalSeconds;
    Console.WriteLine($"grains={grains} rounds={rounds} concurrency={concurrency} payload={payloads[0].Length} B ({serializer.GetType().Name})");
    Console.WriteLine($"Orleans AdoNetGrainStorage.WriteStateAsync: {orleansRate,10:N0} writes/s");
    Console.WriteLine($"bare Npgsql upsert:                        {bareRate,10:N0} writes/s");
    Console.WriteLine($"ratio (Orleans / bare):                    {orleansRate / bareRate,10:N2}");
    Console.WriteLine($"median ratio of paired rounds:             {pairedRatios.Order().ElementAt(pairedRatios.Count / 2),10:N2}");
    await silo.StopAsync();
}
finally
{
    await using var connection = new NpgsqlConnection(baseConnectionString);
    await connection.OpenAsync();
    await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
    await drop.ExecuteNonQueryAsync();
}
