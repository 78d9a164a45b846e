using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Granary.Cluster.Tests;

/// <summary>
/// One Shop.Silo process (the built host beside the tests) in a PostgreSQL-backed cluster, configured only through
/// environment variables as a deployment would configure it.
/// </summary>
internal sealed class SiloProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private SiloProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The shop's silo host; the cluster benchmarks start their own host (with its arguments) the same way.</summary>
    public const string ShopSiloHost = "Shop.Silo.dll";

    public static SiloProcess Start(string clusterId, int port, IReadOnlyDictionary<string, string>? extraSettings = null, string host = ShopSiloHost, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, host), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        var settings = Settings(clusterId, port);
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string>()) settings[key] = value;
        foreach (var (key, value) in settings) start.Environment[key] = value;

        var process = new Process { StartInfo = start };
        var silo = new SiloProcess(process, port);
        process.OutputDataReceived += (_, e) => silo.Record(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Record(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>A silo's settings as environment variables (a silo hosted in-process binds the same keys with ':').</summary>
    public static Dictionary<string, string> Settings(string clusterId, int port) =>
        new()
        {
            ["Granary__ClusterId"] = clusterId,
            ["Granary__ServiceId"] = clusterId,
            ["Granary__Clustering__Provider"] = "AdoNet",
            ["Granary__Clustering__ConnectionString"] = Postgres.ConnectionString,
            ["Granary__Endpoints__AdvertisedHost"] = "127.0.0.1",
            ["Granary__Endpoints__SiloPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Rows of a whole cluster killed at once go stale in seconds rather than the default 20 s.
            ["Granary__Membership__IAmAlivePeriod"] = "00:00:01",
            ["Granary__Membership__IAmAliveStaleAfter"] = "00:00:04",
            ["Shop__Storage__Provider"] = "Memory",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Granary.Membership"] = "Information",
        };

    /// <summary>A port free right now; the silo binds it a moment later (another process taking it meanwhile is unlikely).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Signal(int signal) => Signals.Send(Pid, signal);

    public async Task<bool> ExitsWithinAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Every line the process wrote so far (stdout and stderr), for tests that read its log.</summary>
    public IReadOnlyList<string> Lines()
    {
        lock (_output) return [.. _output];
    }

    /// <summary>The process's log so far, for failure messages.</summary>
    public string Output()
    {
        lock (_output) return string.Join('\n', _output.TakeLast(40));
    }

    public void Dispose()
    {
        try
        {
            // A paused process must be resumed for SIGKILL to be reaped promptly.
            if (!_process.HasExited) Signals.Send(Pid, Signals.Cont);
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_output) _output.Add(line);
    }
}
