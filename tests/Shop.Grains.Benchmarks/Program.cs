using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shop.Grains.Benchmarks;
using Shop.Testing.Ports;

// Local grain calls per second on one silo (the co-hosted client calling grains of the same process) at
// concurrency 1, 16 and 256, beside a bare Channels request/response loop measured in the same run.
//   dotnet run -c Release --project tests/Shop.Grains.Benchmarks [-- --seconds 5]
var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(int.Parse).FirstOrDefault(5);
var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort: FreePorts.Next(), gatewayPort: 0));
using var host = builder.Build();
await host.StartAsync();
var grains = host.Services.GetRequiredService<IGrainFactory>();
await using var channel = new ChannelEcho();

Console.WriteLine($"Local grain calls: {Environment.ProcessorCount} cores, .NET {Environment.Version}, Orleans silo in-process, {seconds} s per run after a 1 s warm-up");
Console.WriteLine();
Console.WriteLine("| concurrency | Channels loop calls/s | grain calls/s | grain / Channels |");
Console.WriteLine("|---:|---:|---:|---:|");
foreach (var concurrency in (int[])[1, 16, 256])
{
    var floor = await MeasureAsync(concurrency, (loop, i) => channel.Echo(i));
    var orleans = await MeasureAsync(concurrency, (loop, i) => grains.GetGrain<IEchoGrain>(loop).Echo(i));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {concurrency} | {floor:F0} | {orleans:F0} | {orleans / floor:F2} |"));
}

await host.StopAsync();

// Calls per second of `concurrency` loops, each awaiting one call at a time; loop k calls grain k.
async Task<double> MeasureAsync(int concurrency, Func<int, int, Task<int>> call)
{
    await RunAsync(TimeSpan.FromSeconds(1));
    return await RunAsync(TimeSpan.FromSeconds(seconds)) / (double)seconds;

    async Task<long> RunAsync(TimeSpan length)
    {
        var stopwatch = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async loop =>
        {
            long calls = 0;
            while (stopwatch.Elapsed < length)
            {
                if (await call(loop, (int)calls) != (int)calls) throw new InvalidOperationException("An echo answered the wrong value.");
                calls++;
            }

            return calls;
        }));
        return counts.Sum();
    }
}
