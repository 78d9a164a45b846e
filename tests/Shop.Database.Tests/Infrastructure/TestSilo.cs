using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Shop.Testing.Ports;

namespace Shop.Database.Tests.Infrastructure;

/// <summary>
/// A real silo host on 127.0.0.1 wired to the schema the way the shop's silo must be: ADO.NET clustering,
/// grain storage and reminders, all with the "Npgsql" invariant and the same connection string.
/// </summary>
internal static class TestSilo
{
    public const string StorageName = "Default";
    public const string DeletingStorageName = "Deleting";

    public static async Task<IHost> StartAsync(string connectionString, string clusterId, string serviceId)
    {
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .UseOrleans(silo =>
            {
                silo.Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = clusterId;
                    options.ServiceId = serviceId;
                });
                silo.ConfigureEndpoints(IPAddress.Loopback, FreePorts.Next(), FreePorts.Next());
                silo.UseAdoNetClustering(options =>
                {
                    options.Invariant = ShopDatabase.AdoNetInvariant;
                    options.ConnectionString = connectionString;
                });
                silo.AddAdoNetGrainStorage(StorageName, options =>
                {
                    options.Invariant = ShopDatabase.AdoNetInvariant;
                    options.ConnectionString = connectionString;
                });
                silo.AddAdoNetGrainStorage(DeletingStorageName, options =>
                {
                    options.Invariant = ShopDatabase.AdoNetInvariant;
                    options.ConnectionString = connectionString;
                    options.DeleteStateOnClear = true;
                });
                silo.UseAdoNetReminderService(options =>
                {
                    options.Invariant = ShopDatabase.AdoNetInvariant;
                    options.ConnectionString = connectionString;
                });
                // Test reminders tick every second; the production minimum stays one minute.
                silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            })
            .Build();
        await host.StartAsync();
        return host;
    }

    public static async Task<IHost> StartClientAsync(string connectionString, string clusterId, string serviceId)
    {
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .UseOrleansClient(client =>
            {
                client.Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = clusterId;
                    options.ServiceId = serviceId;
                });
                client.UseAdoNetClustering(options =>
                {
                    options.Invariant = ShopDatabase.AdoNetInvariant;
                    options.ConnectionString = connectionString;
                });
            })
            .Build();
        await host.StartAsync();
        return host;
    }

    public static IGrainFactory Grains(this IHost host) => host.Services.GetRequiredService<IGrainFactory>();

}
