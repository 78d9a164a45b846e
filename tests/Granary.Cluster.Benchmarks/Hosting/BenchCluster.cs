using Granary.Cluster.Tests;
using Microsoft.Extensions.Hosting;

namespace Granary.Cluster.Benchmarks.Hosting;

/// <summary>
/// One benchmark cluster with a cluster id of its own: silo processes of this program's <c>silo</c> mode, and
/// optionally a silo inside the benchmark process (the caller). Disposing stops everything it started.
/// </summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    public const string HostDll = "Granary.Cluster.Benchmarks.dll";
    public const string SiloMode = "silo";

    private readonly List<SiloProcess> _children = [];
    private IHost? _inProcess;

    public string ClusterId { get; } = $"cb-{Guid.NewGuid():N}"[..15];

    /// <summary>The cluster tests' quick-staleness settings put back to the runtime's defaults: the figures claim defaults.</summary>
    private static readonly Dictionary<string, string> DefaultMembership = new()
    {
        ["Granary__Membership__IAmAlivePeriod"] = "00:00:05",
        ["Granary__Membership__IAmAliveStaleAfter"] = "00:00:20",
    };

    public SiloProcess StartChild(int? echoPort = null)
    {
        var settings = new Dictionary<string, string>(DefaultMembership);
        if (echoPort is { } port) settings[BenchSilo.EchoPortSetting.Replace(":", "__", StringComparison.Ordinal)] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var silo = SiloProcess.Start(ClusterId, SiloProcess.FreePort(), settings, HostDll, SiloMode);
        _children.Add(silo);
        return silo;
    }

    /// <summary>Starts a silo in this process; its grain factory calls from here go straight over its silo connections.</summary>
    public async Task<(IHost Host, int Port)> StartInProcessAsync()
    {
        var port = SiloProcess.FreePort();
        var settings = SiloProcess.Settings(ClusterId, port);
        foreach (var (key, value) in DefaultMembership) settings[key] = value;
        settings["Logging__LogLevel__Granary.Membership"] = "Warning";
        _inProcess = BenchSilo.Build([], settings);
        await _inProcess.StartAsync();
        return (_inProcess, port);
    }

    public Task<IReadOnlyList<MembershipRow>> RowsAsync() => MembershipRow.ReadAsync(ClusterId);

    /// <summary>Waits until the newest generation on each port is Active; returns those generations.</summary>
    public async Task<long[]> WaitActiveAsync(params int[] ports)
    {
        long[] generations = [];
        await Eventually.HoldsAsync($"silos on ports {string.Join(", ", ports)} Active", TimeSpan.FromSeconds(60), async () =>
        {
            foreach (var child in _children.Where(c => ports.Contains(c.Port) && c.HasExited))
                throw new InvalidOperationException($"The silo on port {child.Port} exited:\n{child.Output()}");
            var rows = await RowsAsync();
            var newest = ports.Select(p => rows.Where(r => r.Port == p).MaxBy(r => r.Generation)).ToArray();
            if (newest.Any(r => r is not { Status: MembershipRow.Active })) return false;
            generations = [.. newest.Select(r => r!.Generation)];
            return true;
        });
        return generations;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var child in _children) child.Dispose();
        if (_inProcess is null) return;
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _inProcess.StopAsync(stopping.Token);
        }
        finally
        {
            _inProcess.Dispose();
        }
    }
}
