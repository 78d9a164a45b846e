using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Configuration;
using Shop.Cluster.Testing;
using Shop.Testing.Ports;

namespace Shop.Cluster.Benchmarks.Hosting;

/// <summary>Silo processes of one cluster id on 127.0.0.x in a schema of their own, and an in-process Orleans client.</summary>
internal sealed class BenchCluster(string connectionString, string clusterId, IReadOnlyDictionary<string, string> siloSettings, string hostKey = "SiloHost")
    : IAsyncDisposable
{
    public const string ActiveLine = "Silo active in cluster";

    private readonly List<HostProcess> _processes = [];
    private IHost? _client;

    public string ClusterId => clusterId;

    public IClusterClient Client => _client!.Services.GetRequiredService<IClusterClient>();

    public sealed record Silo(HostProcess Process, string Address, int Port);

    /// <summary>Starts a silo from the build output of the host key, or from <paramref name="dll"/> (a published silo).</summary>
    public Silo Start(int index, IReadOnlyDictionary<string, string>? extra = null, string? dll = null)
    {
        var address = $"127.0.0.{index}";
        var ip = IPAddress.Parse(address);
        var port = FreePorts.Next(ip);
        var gateway = FreePorts.Next(ip);
        var environment = new Dictionary<string, string>
        {
            ["Orleans__ClusterId"] = clusterId,
            ["Orleans__ServiceId"] = clusterId,
            ["Shop__Cluster__Membership"] = "AdoNet",
            ["Shop__Cluster__ConnectionString"] = connectionString,
            ["Shop__Storage__Provider"] = "AdoNet",
            ["Shop__Storage__ConnectionString"] = connectionString,
            ["Orleans__Endpoints__AdvertisedIPAddress"] = address,
            ["Orleans__Endpoints__SiloPort"] = port.ToString(CultureInfo.InvariantCulture),
            ["Orleans__Endpoints__GatewayPort"] = gateway.ToString(CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Shop"] = "Information",
        };
        foreach (var (key, value) in siloSettings) environment[key] = value;
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) environment[key] = value;
        var arguments = hostKey == "BenchHost" ? new[] { "silo" } : [];
        var process = HostProcess.Start($"silo {address}:{port}", dll ?? HostProcess.HostPath(hostKey), environment, arguments);
        _processes.Add(process);
        return new Silo(process, address, port);
    }

    public async Task<Silo> StartActiveAsync(int index, IReadOnlyDictionary<string, string>? extra = null)
    {
        var silo = Start(index, extra);
        await silo.Process.WaitForLineAsync(ActiveLine, TimeSpan.FromSeconds(120));
        return silo;
    }

    public async Task ConnectClientAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, clusterId));
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
            client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", connectionString));
        });
        _client = builder.Build();
        await _client.StartAsync();
    }

    public Task<IReadOnlyList<MembershipRow>> RowsAsync() => MembershipRow.ReadAsync(connectionString, clusterId);

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _client.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Gave up on a graceful client stop.
            }

            _client.Dispose();
        }

        foreach (var process in _processes) process.Dispose();
    }

    public static async Task<string> CreateSchemaAsync(string baseConnectionString, string schema)
    {
        await ExecuteAsync(baseConnectionString, $"CREATE SCHEMA IF NOT EXISTS {schema}");
        return new NpgsqlConnectionStringBuilder(baseConnectionString) { SearchPath = schema }.ConnectionString;
    }

    public static async Task DropSchemaAsync(string baseConnectionString, string schema)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(baseConnectionString, $"DROP SCHEMA IF EXISTS {schema} CASCADE");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
