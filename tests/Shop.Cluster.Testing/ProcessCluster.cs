using System.Globalization;
using System.Net;
using Shop.Testing.Ports;

namespace Shop.Cluster.Testing;

/// <summary>
/// Silo processes of one cluster (a cluster id of its own, in the collection's schema) on 127.0.0.x, and the API
/// as an external client that finds their gateways in PostgreSQL. Disposing kills every process it started.
/// </summary>
public sealed class ProcessCluster(string connectionString, ITestOutputHelper output) : IAsyncDisposable
{
    public ProcessCluster(ClusterDatabase database, ITestOutputHelper output)
        : this(database.ConnectionString, output)
    {
    }

    public static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);

    private readonly List<SiloHandle> _silos = [];
    private readonly List<HostProcess> _processes = [];

    public string ClusterId { get; } = $"ct-{Guid.NewGuid():N}"[..15];

    public string ConnectionString => connectionString;

    public IReadOnlyList<SiloHandle> Silos => _silos;

    public HostProcess? Api { get; private set; }

    public HttpClient? Http { get; private set; }

    /// <summary>Starts silo number <paramref name="index"/> (advertised as 127.0.0.index) on free ports, or on the given ones.</summary>
    public SiloHandle StartSilo(int index, int? siloPort = null, int? gatewayPort = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var address = $"127.0.0.{index}";
        var ip = IPAddress.Parse(address);
        var silo = siloPort ?? FreePorts.Next(ip);
        var gateway = gatewayPort ?? FreePorts.Next(ip);
        var environment = new Dictionary<string, string>(CommonSettings())
        {
            ["Orleans__Endpoints__AdvertisedIPAddress"] = address,
            ["Orleans__Endpoints__SiloPort"] = silo.ToString(CultureInfo.InvariantCulture),
            ["Orleans__Endpoints__GatewayPort"] = gateway.ToString(CultureInfo.InvariantCulture),
            // Not the fixed default: another cluster on this machine (a parallel run) may hold it on the same address.
            ["Shop__Admin__Port"] = FreePorts.Next(ip).ToString(CultureInfo.InvariantCulture),
            ["Shop__Storage__Provider"] = "AdoNet",
            ["Shop__Storage__ConnectionString"] = ConnectionString,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        var process = HostProcess.Start($"silo {address}:{silo}", HostProcess.HostPath("SiloHost"), environment);
        _processes.Add(process);
        var handle = new SiloHandle(process, address, silo, gateway);
        _silos.Add(handle);
        return handle;
    }

    public async Task<SiloHandle[]> StartActiveSilosAsync(params int[] indexes)
    {
        var silos = indexes.Select(i => StartSilo(i)).ToArray();
        await Task.WhenAll(silos.Select(s => s.Process.WaitForLineAsync(SiloHandle.ActiveLine, StartDeadline)));
        return silos;
    }

    /// <summary>Starts the API in External mode and waits until it reports ready.</summary>
    public async Task<HttpClient> StartApiAsync()
    {
        var port = FreePorts.Next();
        var environment = new Dictionary<string, string>(CommonSettings())
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Shop__Cluster__Mode"] = "External",
        };
        Api = HostProcess.Start("api", HostProcess.HostPath("ApiHost"), environment);
        _processes.Add(Api);
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        await Eventually.HoldsAsync("the API ready", StartDeadline, async () =>
        {
            if (Api.HasExited) throw new InvalidOperationException($"The API exited:\n{Api.Output()}");
            try
            {
                using var ready = await Http.GetAsync("/health/ready");
                return ready.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        });
        return Http;
    }

    public Task<IReadOnlyList<MembershipRow>> RowsAsync() => MembershipRow.ReadAsync(ConnectionString, ClusterId);

    public async Task<MembershipRow> RowAsync(SiloHandle silo) =>
        (await RowsAsync()).Where(r => r.Address == silo.Address && r.Port == silo.SiloPort).MaxBy(r => r.Generation)
        ?? throw new InvalidOperationException($"No membership row for {silo.Address}:{silo.SiloPort}.");

    public Task<TimeSpan> WaitStatusAsync(SiloHandle silo, int status, TimeSpan deadline) =>
        Eventually.HoldsAsync($"{silo.Address}:{silo.SiloPort} in status {status}", deadline, async () =>
            (await RowsAsync()).Where(r => r.Address == silo.Address && r.Port == silo.SiloPort).MaxBy(r => r.Generation)?.Status == status);

    public void Log(string message) => output.WriteLine($"[{DateTime.UtcNow:HH:mm:ss.fff}] {message}");

    /// <summary>Everything the processes wrote last, for a failed test's output.</summary>
    public void DumpOutput()
    {
        foreach (var process in _processes) output.WriteLine(process.Output(40));
    }

    public ValueTask DisposeAsync()
    {
        Http?.Dispose();
        foreach (var process in _processes) process.Dispose();
        return ValueTask.CompletedTask;
    }

    private Dictionary<string, string> CommonSettings() => new()
    {
        ["Orleans__ClusterId"] = ClusterId,
        ["Orleans__ServiceId"] = ClusterId,
        ["Shop__Cluster__Membership"] = "AdoNet",
        ["Shop__Cluster__ConnectionString"] = ConnectionString,
        ["Logging__LogLevel__Shop"] = "Information",
    };
}
