using Shop.Cluster.Benchmarks.Hosting;
using Shop.Cluster.Benchmarks.Scenarios;

// Usage: Shop.Cluster.Benchmarks [failover] [restart] [calls] [defaults] [directory] [readytorun]
// (none named: all but directory and readytorun). "directory" repeats failover and restart with Orleans' experimental
// distributed grain directory; "readytorun" times the restart with the new silo alternately from the build output and
// published ReadyToRun, as the images ship it.
// Counts by environment: BENCH_KILLS (20), BENCH_STOPS (5), BENCH_RESTARTS (5), BENCH_DEFAULT_KILLS (3),
// BENCH_DEFAULT_STOPS (1), BENCH_DEFAULT_RESTARTS (1). Needs SHOP_TEST_POSTGRES (scripts/test-deps.sh exports it).
if (args is ["silo", ..]) return await BenchSilo.RunAsync(args[1..]);

var connection = Environment.GetEnvironmentVariable("SHOP_TEST_POSTGRES")
    ?? throw new InvalidOperationException("SHOP_TEST_POSTGRES is not set: source scripts/test-deps.sh first.");
var all = args.Length == 0;
int Count(string name, int fallback) => int.TryParse(Environment.GetEnvironmentVariable(name), out var n) ? n : fallback;

var schema = $"bench_{Guid.NewGuid():N}"[..16];
var database = await BenchCluster.CreateSchemaAsync(connection, schema);
var defaults = new Dictionary<string, string> { ["Shop__Cluster__FailureDetection__Profile"] = "OrleansDefaults" };
var tuned = new Dictionary<string, string>();
var distributed = new Dictionary<string, string> { ["Shop__Cluster__GrainDirectory"] = "Distributed" };
Console.WriteLine($"Shop.Cluster.Benchmarks on {Environment.ProcessorCount} cores, {DateTime.UtcNow:u}, schema {schema}");
try
{
    var profiles = new List<(string, Dictionary<string, string>)>();
    if (args.Length == 0 || args.Except(["directory", "defaults", "readytorun"]).Any()) profiles.Add(("tuned", tuned));
    if (all || args.Contains("defaults")) profiles.Add(("Orleans defaults", defaults));
    if (args.Contains("directory")) profiles.Add(("tuned, distributed grain directory", distributed));
    foreach (var (profile, settings) in profiles)
    {
        var isDefaults = settings == defaults;
        var isDirectory = settings == distributed;
        var deadline = TimeSpan.FromSeconds(isDefaults ? 300 : 60);
        if (all || args.Contains("failover") || isDirectory)
        {
            Console.WriteLine($"\nFailover ({profile}): 3 silos, the victim's grains polled by a client that does not retry");
            await using var cluster = new BenchCluster(database, $"bf-{Guid.NewGuid():N}"[..12], settings);
            var scenario = new FailoverScenario(cluster, deadline);
            await scenario.RunAsync(Count(isDefaults ? "BENCH_DEFAULT_KILLS" : "BENCH_KILLS", isDefaults ? 3 : 20),
                Count(isDefaults ? "BENCH_DEFAULT_STOPS" : "BENCH_STOPS", isDefaults ? 1 : 5));
            Console.WriteLine($"  SIGKILL -> Dead row:               {Stats.Summary(scenario.KillDead)}");
            Console.WriteLine($"  SIGKILL -> moved grains answering: {Stats.Summary(scenario.KillCallable)}");
            Console.WriteLine($"  SIGSTOP -> Dead row:               {Stats.Summary(scenario.StopDead)}");
            Console.WriteLine($"  SIGSTOP -> moved grains answering: {Stats.Summary(scenario.StopCallable)}");
            Console.WriteLine($"  SIGCONT -> paused silo stopped:    {Stats.Summary(scenario.StopSelfExit)}");
            if (scenario.Timeouts > 0) Console.WriteLine($"  {scenario.Timeouts} rounds not detected within {deadline.TotalSeconds:0} s");
        }

        if (all || args.Contains("restart") || isDirectory)
        {
            Console.WriteLine($"\nWhole-cluster restart ({profile}): 2 silos SIGKILLed, one new silo on new ports");
            await using var cluster = new BenchCluster(database, $"br-{Guid.NewGuid():N}"[..12], settings);
            var scenario = new RestartScenario(cluster, deadline);
            await scenario.RunAsync(Count(isDefaults ? "BENCH_DEFAULT_RESTARTS" : "BENCH_RESTARTS", isDefaults ? 1 : 5));
            Report(scenario, deadline);
        }

        if (!isDefaults && !isDirectory && (all || args.Contains("calls")))
        {
            Console.WriteLine("\nCross-silo grain calls (driver grain on silo 1, ping grains on silo 2) beside a bare TCP echo to silo 2's process");
            await using var cluster = new BenchCluster(database, $"bc-{Guid.NewGuid():N}"[..12], settings, "BenchHost");
            await CrossSiloCallScenario.RunAsync(cluster, TimeSpan.FromSeconds(5));
        }
    }

    if (args.Contains("readytorun"))
    {
        var dll = await ReadyToRunSilo.PublishAsync();
        Console.WriteLine("\nWhole-cluster restart (tuned), the new silo alternately from the build output and published ReadyToRun");
        await using var cluster = new BenchCluster(database, $"bq-{Guid.NewGuid():N}"[..12], tuned);
        var scenario = new RestartScenario(cluster, TimeSpan.FromSeconds(60), dll);
        await scenario.RunAsync(2 * Count("BENCH_RESTARTS", 5));
        Console.WriteLine($"  build output: start -> Active {Stats.Summary(scenario.Active)}; -> first successful call {Stats.Summary(scenario.FirstCall)}");
        Console.WriteLine($"  ReadyToRun:   start -> Active {Stats.Summary(scenario.ReadyToRunActive)}; -> first successful call {Stats.Summary(scenario.ReadyToRunFirstCall)}");
        Console.WriteLine($"  ReadyToRun / build output, median first call: {Stats.Ratio(scenario.ReadyToRunFirstCall, scenario.FirstCall)}");
        if (scenario.Timeouts > 0) Console.WriteLine($"  {scenario.Timeouts} restarts without a call within 60 s");
    }
}
finally
{
    await BenchCluster.DropSchemaAsync(connection, schema);
}

return 0;

static void Report(RestartScenario scenario, TimeSpan deadline)
{
    Console.WriteLine($"  new silo start -> Active:                {Stats.Summary(scenario.Active)}");
    Console.WriteLine($"  new silo start -> first successful call: {Stats.Summary(scenario.FirstCall)}");
    if (scenario.Timeouts > 0) Console.WriteLine($"  {scenario.Timeouts} restarts without a call within {deadline.TotalSeconds:0} s");
}
