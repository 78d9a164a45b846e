using System.Diagnostics;
using System.Reflection;

namespace Shop.Cluster.Testing;

/// <summary>
/// One built host (Shop.Silo.dll or Shop.Api.dll) as a separate process, configured only through environment
/// variables, started in its own output folder so it reads its own appsettings.json. Captures its output; disposing
/// kills it (resuming it first if paused).
/// </summary>
public sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waiters = [];

    private HostProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public DateTime StartedAt { get; private set; }

    /// <summary>When the process exited (local time, as <see cref="Process.ExitTime"/>), or null while it runs.</summary>
    public DateTime? ExitTime => _process.HasExited ? _process.ExitTime : null;

    /// <summary>The path of a built host, recorded at build time (see the project file).</summary>
    public static string HostPath(string key) =>
        typeof(HostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"No {key} path recorded.");

    public static HostProcess Start(string name, string dll, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        if (!File.Exists(dll)) throw new FileNotFoundException($"{dll} is not built (dotnet build Orleans.sln first).", dll);
        var start = new ProcessStartInfo("dotnet", [dll, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = new Process { StartInfo = start };
        var host = new HostProcess(name, process);
        process.OutputDataReceived += (_, e) => host.Record(e.Data);
        process.ErrorDataReceived += (_, e) => host.Record(e.Data);
        host.StartedAt = DateTime.UtcNow;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    public void Signal(int signal) => Signals.Send(Pid, signal);

    /// <summary>Waits for an output line containing <paramref name="text"/> (also one written before the call).</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan deadline)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines)
        {
            var earlier = _lines.FirstOrDefault(line => line.Contains(text, StringComparison.Ordinal));
            if (earlier is not null) return earlier;
            _waiters.Add((line => line.Contains(text, StringComparison.Ordinal), seen));
        }

        var exited = _process.WaitForExitAsync();
        var winner = await Task.WhenAny(seen.Task, exited, Task.Delay(deadline));
        if (winner == seen.Task) return await seen.Task;
        if (winner == exited && !seen.Task.IsCompleted) throw new InvalidOperationException($"{Name} exited before writing '{text}':\n{Output()}");
        if (seen.Task.IsCompleted) return await seen.Task;
        throw new TimeoutException($"{Name} did not write '{text}' within {deadline.TotalSeconds:0} s:\n{Output()}");
    }

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

    public int Count(string text)
    {
        lock (_lines) return _lines.Count(line => line.Contains(text, StringComparison.Ordinal));
    }

    /// <summary>The last lines of output, for failure messages.</summary>
    public string Output(int last = 60)
    {
        lock (_lines) return $"--- {Name} (pid {_process.Id}) ---\n" + string.Join('\n', _lines.TakeLast(last));
    }

    public void Dispose()
    {
        try
        {
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
        lock (_lines)
        {
            _lines.Add(line);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (!_waiters[i].Match(line)) continue;
                _waiters[i].Seen.TrySetResult(line);
                _waiters.RemoveAt(i);
            }
        }
    }
}
