using System.Globalization;
using System.Net;
using Shop.Cluster.Benchmarks.Grains;
using Shop.Cluster.Benchmarks.Hosting;
using Shop.Testing.Ports;

namespace Shop.Cluster.Benchmarks.Scenarios;

/// <summary>
/// Two silo processes: a driver grain on one calls ping grains on the other at concurrency 1, 16 and 256; beside it,
/// in the same run, a bare TCP request/response echo between this process and the second silo's process.
/// </summary>
internal static class CrossSiloCallScenario
{
    public static async Task RunAsync(BenchCluster cluster, TimeSpan duration)
    {
        var echoPort = FreePorts.Next(IPAddress.Parse("127.0.0.2"));
        await Task.WhenAll(cluster.StartActiveAsync(1), cluster.StartActiveAsync(2, new Dictionary<string, string> { ["Bench__EchoPort"] = echoPort.ToString(CultureInfo.InvariantCulture) }));
        await cluster.ConnectClientAsync();
        var driver = cluster.Client.GetGrain<IBenchDriverGrain>(0);
        await driver.Run(16, TimeSpan.FromSeconds(2));
        await Echo.MeasureAsync(new IPEndPoint(IPAddress.Parse("127.0.0.2"), echoPort), 16, TimeSpan.FromSeconds(1));
        Console.WriteLine($"  {"concurrency",11} {"grain calls/s",14} {"TCP echo/s",12} {"echo/grain",11}");
        foreach (var concurrency in (int[])[1, 16, 256])
        {
            var grain = await driver.Run(concurrency, duration);
            var echo = await Echo.MeasureAsync(new IPEndPoint(IPAddress.Parse("127.0.0.2"), echoPort), concurrency, duration);
            Console.WriteLine($"  {concurrency,11} {grain,14:0} {echo,12:0} {echo / grain,10:0.0}x");
        }
    }
}
