using System.Diagnostics;
using Granary.Benchmarks.ArgumentIsolation;
using Granary.Benchmarks.GrainCalls;
using Granary.Benchmarks.Measurement;
using Granary.Benchmarks.SerializerComparison;
using Granary.Testing;

// dotnet run -c Release --project tests/Granary.Benchmarks -- [--quick] [--only calls|serializer|isolation]
var quick = false;
string? only = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--quick": quick = true; break;
        case "--only" when i + 1 < args.Length && args[i + 1] is "calls" or "serializer" or "isolation": only = args[++i]; break;
        default:
            Console.Error.WriteLine("usage: Granary.Benchmarks [--quick] [--only calls|serializer|isolation]");
            return 2;
    }
}

var windows = quick ? BenchmarkWindows.Quick : BenchmarkWindows.Full;
var clock = Stopwatch.StartNew();
Console.WriteLine($"# Granary benchmarks{(quick ? " (quick: rough figures)" : "")}");
Console.WriteLine();
Console.WriteLine($"Machine: {MachineDescription.Describe()}.");
Console.WriteLine($"Method: {windows.Describe()}; every ratio compares figures measured in this run.");
Console.WriteLine();

await using (var cluster = await TestCluster.StartAsync())
{
    if (only is null or "calls") Console.WriteLine(await new GrainCallScenario(cluster, windows).RunAsync());
    if (only is null or "serializer") Console.WriteLine(await new SerializerScenario(windows).RunAsync());
    if (only is null or "isolation") Console.WriteLine(await new ArgumentIsolationScenario(cluster, windows).RunAsync());
}

Console.WriteLine($"Total time: {clock.Elapsed.TotalSeconds:0} s.");
return 0;
