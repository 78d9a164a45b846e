using System.Diagnostics;
using Granary;
using Granary.Benchmarks.Measurement;
using Granary.Cluster.Benchmarks.Hosting;
using Granary.Cluster.Benchmarks.Scenarios;
using Granary.Cluster.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// dotnet run -c Release --project tests/Granary.Cluster.Benchmarks -- calls [--quick] | failover [--kills N] | soak [--seconds S]
// (and "silo", the role of the silo processes the modes start). Needs PostgreSQL: source scripts/test-deps.sh.
if (args is [BenchCluster.SiloMode, ..])
{
    using var silo = BenchSilo.Build(args[1..]);
    await silo.RunAsync();
    return 0;
}

if (BenchArguments.Parse(args) is not { } options)
{
    Console.Error.WriteLine("usage: Granary.Cluster.Benchmarks calls [--quick] | failover [--kills N] | soak [--seconds S] [--loops N] [--spin-us N]");
    return 2;
}

var clock = Stopwatch.StartNew();
Console.WriteLine($"# Granary cluster benchmarks: {options.Mode}");
Console.WriteLine();
Console.WriteLine($"Machine: {MachineDescription.Describe()}.");
Console.WriteLine();
var exitCode = 0;
switch (options.Mode)
{
    case "calls":
    {
        var windows = options.Quick ? BenchmarkWindows.Quick : BenchmarkWindows.Full;
        Console.WriteLine($"Method: {windows.Describe()}; every ratio compares figures measured in this run.");
        Console.WriteLine();
        await using var cluster = new BenchCluster();
        var echoPort = SiloProcess.FreePort();
        var callee = cluster.StartChild(echoPort);
        var (caller, callerPort) = await cluster.StartInProcessAsync();
        await cluster.WaitActiveAsync(callerPort, callee.Port);
        var grains = caller.Services.GetRequiredService<IGrainFactory>();
        Console.WriteLine(await new CrossSiloCallScenario(grains, callee.Port, echoPort, windows).RunAsync());
        break;
    }

    case "failover":
    {
        await using var cluster = new BenchCluster();
        var stays = cluster.StartChild();
        var (caller, callerPort) = await cluster.StartInProcessAsync();
        await cluster.WaitActiveAsync(callerPort, stays.Port);
        var grains = caller.Services.GetRequiredService<IGrainFactory>();
        Console.WriteLine(await new FailoverScenario(cluster, grains, options.Kills).RunAsync());
        break;
    }

    default:
    {
        var (report, passed) = await new SoakScenario(options.SoakDuration, options.Loops, options.SpinMicroseconds).RunAsync();
        Console.WriteLine(report);
        exitCode = passed ? 0 : 1;
        break;
    }
}

Console.WriteLine($"Total time: {clock.Elapsed.TotalSeconds:0} s.");
return exitCode;
