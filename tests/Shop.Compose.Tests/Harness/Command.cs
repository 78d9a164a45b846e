using System.Diagnostics;

namespace Shop.Compose.Tests.Harness;

/// <summary>Runs command-line tools (podman, podman-compose, kubectl, the image script) to completion.</summary>
internal static class Command
{
    /// <summary>Runs the tool; a non-zero exit throws with what it printed.</summary>
    public static async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null, string? standardInput = null)
    {
        var (exitCode, output, errors) = await TryRunAsync(fileName, arguments, timeout, environment, standardInput);
        if (exitCode != 0)
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited {exitCode}:\n{output}\n{errors}");
        return output;
    }

    /// <summary>Runs the tool and returns its exit code and output, whatever the exit code; kills it past the timeout.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> TryRunAsync(string fileName, IEnumerable<string> arguments,
        TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null, string? standardInput = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}.");
        }

        return (process.ExitCode, await output, await errors);
    }
}
