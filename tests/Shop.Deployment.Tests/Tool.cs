using System.Diagnostics;

namespace Shop.Deployment.Tests;

/// <summary>Runs command-line tools (kubectl, node) to completion and returns what they printed.</summary>
internal static class Tool
{
    /// <summary>Runs the tool and returns its output; a tool that fails fails the test with what it printed.</summary>
    public static async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, string? standardInput = null, string? workingDirectory = null)
    {
        var (exitCode, output, errors) = await TryRunAsync(fileName, arguments, standardInput, workingDirectory);
        if (exitCode != 0) Assert.Fail($"{fileName} {string.Join(' ', arguments)} exited {exitCode}:\n{output}\n{errors}");
        return output;
    }

    /// <summary>Runs the tool and returns its exit code and output, whatever the exit code.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> TryRunAsync(
        string fileName, IEnumerable<string> arguments, string? standardInput = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            WorkingDirectory = workingDirectory ?? RepositoryRoot.Path,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await errors);
    }
}
