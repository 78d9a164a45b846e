using System.Diagnostics;
using System.Globalization;
using Shop.Testing.Ports;

namespace Shop.Cluster.Testing;

/// <summary>
/// A throwaway PostgreSQL server of its own (Debian's postgresql package, initdb into a temporary folder, a free
/// port on 127.0.0.1), so a test can crash and restart the database without touching the one the other tests share.
/// As root it runs the server as the postgres user, since PostgreSQL refuses to run as root.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private readonly string _folder;
    private readonly int _port;

    private PrivatePostgres(string folder, int port)
    {
        _folder = folder;
        _port = port;
    }

    public string ConnectionString =>
        $"Host=127.0.0.1;Port={_port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database=postgres";

    private string DataDirectory => Path.Combine(_folder, "data");

    public static async Task<PrivatePostgres> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("shop-pg-").FullName;
        if (Environment.IsPrivilegedProcess) await RunAsync("chown", "postgres:postgres", folder);
        var server = new PrivatePostgres(folder, FreePorts.Next());
        await server.AsServerUserAsync("initdb", "--pgdata", server.DataDirectory, "--username", "postgres", "--auth", "trust", "--no-sync", "--encoding", "UTF8");
        await server.StartServerAsync();
        return server;
    }

    /// <summary>Kills the server as a crash would (no checkpoint, open connections cut); the next start replays the WAL.</summary>
    public Task CrashAsync() => AsServerUserAsync("pg_ctl", "stop", "--pgdata", DataDirectory, "--mode", "immediate", "--wait");

    /// <summary>Starts the server again on the same port and waits until it accepts connections.</summary>
    public Task StartServerAsync() => AsServerUserAsync(
        "pg_ctl", "start", "--pgdata", DataDirectory, "--wait", "--timeout", "60", "--log", Path.Combine(_folder, "server.log"),
        "-o", $"-c port={_port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={_folder} -c max_connections=300");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await CrashAsync();
        }
        catch (InvalidOperationException)
        {
            // Not running.
        }

        Directory.Delete(_folder, recursive: true);
    }

    private Task AsServerUserAsync(string tool, params string[] arguments) => Environment.IsPrivilegedProcess
        ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(BinDirectory, tool), .. arguments])
        : RunAsync(Path.Combine(BinDirectory, tool), arguments);

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await output}{await error}");
    }
}
