using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace Granary.Cluster.Tests;

/// <summary>
/// No false death declarations on a loaded but healthy machine: runs the cluster benchmarks' soak mode (three silo
/// processes under CPU-heavy calls that keep both cores busy, the membership table watched for votes and Dead rows)
/// and fails when any silo was declared dead or is not Active at the end. 25 s of load by default; set
/// GRANARY_SOAK_MINUTES for the long run.
/// </summary>
public sealed class NoFalseDeclarationTests(ITestOutputHelper output)
{
    private const int DefaultSeconds = 25;

    [Fact]
    public async Task A_saturated_cluster_of_healthy_silos_declares_none_of_them_dead()
    {
        var seconds = double.TryParse(Environment.GetEnvironmentVariable("GRANARY_SOAK_MINUTES"), CultureInfo.InvariantCulture, out var minutes) && minutes > 0
            ? (int)(minutes * 60)
            : DefaultSeconds;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Granary.Cluster.Benchmarks.dll"), "soak", "--seconds", seconds.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["GRANARY_TEST_POSTGRES"] = Postgres.ConnectionString;
        using var soak = Process.Start(start)!;
        var report = soak.StandardOutput.ReadToEndAsync();
        var log = soak.StandardError.ReadToEndAsync();
        // Start-up, warm-up and shutdown take well under two minutes; past that the run hung.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(seconds + 120));
        try
        {
            await soak.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            soak.Kill(entireProcessTree: true);
            throw;
        }

        output.WriteLine(await report);
        Assert.True(soak.ExitCode == 0, $"the soak run failed (exit code {soak.ExitCode}):\n{await report}\n{string.Join('\n', (await log).Split('\n').TakeLast(60))}");
    }
}
