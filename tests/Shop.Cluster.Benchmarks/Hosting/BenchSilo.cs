using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Shop.Silo;

namespace Shop.Cluster.Benchmarks.Hosting;

/// <summary>"silo" mode: the shop's silo configuration plus this assembly's bench grains, and a TCP echo server.</summary>
internal static class BenchSilo
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.UseOrleans(silo => ShopSilo.Configure(silo, builder.Configuration));
        using var host = builder.Build();
        using var stopping = new CancellationTokenSource();
        var echoPort = builder.Configuration.GetValue<int>("Bench:EchoPort");
        var address = IPAddress.Parse(builder.Configuration["Orleans:Endpoints:AdvertisedIPAddress"] ?? "127.0.0.1");
        var echo = echoPort > 0 ? Echo.ServeAsync(new IPEndPoint(address, echoPort), stopping.Token) : Task.CompletedTask;
        await host.RunAsync();
        await stopping.CancelAsync();
        await echo.ContinueWith(_ => { }, TaskScheduler.Default);
        return 0;
    }
}
