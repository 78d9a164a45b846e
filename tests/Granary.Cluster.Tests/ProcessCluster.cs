using Granary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shop.Health;

namespace Granary.Cluster.Tests;

/// <summary>
/// Silo processes of one cluster with a cluster id of its own, and an external client that finds gateways in the
/// PostgreSQL membership table. Disposing kills every process it started.
/// </summary>
internal sealed class ProcessCluster : IAsyncDisposable
{
    public static readonly TimeSpan JoinDeadline = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan FailoverDeadline = TimeSpan.FromSeconds(20);

    private readonly List<SiloProcess> _silos = [];
    private IHost? _client;

    public string ClusterId { get; } = $"ct-{Guid.NewGuid():N}"[..15];

    public IReadOnlyList<SiloProcess> Silos => _silos;

    public IClusterClient Client => _client?.Services.GetRequiredService<IClusterClient>() ?? throw new InvalidOperationException("No client connected.");

    /// <summary>Settings (environment variables) every silo started from now on gets beside the harness's own.</summary>
    public Dictionary<string, string> SiloSettings { get; } = [];

    public SiloProcess StartSilo(int? port = null)
    {
        var silo = SiloProcess.Start(ClusterId, port ?? SiloProcess.FreePort(), SiloSettings);
        _silos.Add(silo);
        return silo;
    }

    public Task<IReadOnlyList<MembershipRow>> RowsAsync() => MembershipRow.ReadAsync(ClusterId);

    /// <summary>Waits until the newest generation on each port is Active.</summary>
    public Task<TimeSpan> WaitActiveAsync(params SiloProcess[] silos) =>
        Eventually.HoldsAsync($"silos on ports {string.Join(", ", silos.Select(s => s.Port))} Active", JoinDeadline, async () =>
        {
            foreach (var silo in silos)
            {
                if (silo.HasExited) throw new InvalidOperationException($"Silo on port {silo.Port} exited:\n{silo.Output()}");
            }

            var rows = await RowsAsync();
            return silos.All(s => rows.Where(r => r.Port == s.Port).MaxBy(r => r.Generation) is { Status: MembershipRow.Active });
        });

    public Task<TimeSpan> WaitDeadAsync(int port, long generation, TimeSpan deadline) =>
        Eventually.HoldsAsync($"the silo on port {port}@{generation} declared Dead", deadline, async () =>
            (await RowsAsync()).Any(r => r.Port == port && r.Generation == generation && r.Status == MembershipRow.Dead));

    /// <summary>The newest generation on the silo's port; polls, since a read that met a busy database returns no rows.</summary>
    public async Task<long> GenerationAsync(SiloProcess silo)
    {
        var generation = -1L;
        await Eventually.HoldsAsync($"a membership row for port {silo.Port}", JoinDeadline, async () =>
        {
            generation = (await RowsAsync()).Where(r => r.Port == silo.Port).Select(r => r.Generation).DefaultIfEmpty(-1).Max();
            return generation >= 0;
        });
        return generation;
    }

    public async Task ConnectClientAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration["Granary:ClusterId"] = ClusterId;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseGranaryClient(client => client.UseAdoNetClustering(o => o.ConnectionString = Postgres.ConnectionString));
        _client = builder.Build();
        await _client.StartAsync();
    }

    /// <summary>Calls every probe grain 0..count-1 once; true when all answered.</summary>
    public async Task<bool> AllGrainsAnswerAsync(int count)
    {
        try
        {
            await Task.WhenAll(Enumerable.Range(0, count).Select(k => Client.GetGrain<IClusterProbeGrain>(k).Ping().WaitAsync(TimeSpan.FromSeconds(5))));
            return true;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _client.StopAsync(stopping.Token);
            }
            finally
            {
                _client.Dispose();
            }
        }

        foreach (var silo in _silos) silo.Dispose();
    }
}
