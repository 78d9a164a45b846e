using System.Diagnostics;
using System.Reflection;

namespace Shop.Cluster.Benchmarks.Hosting;

/// <summary>
/// Publishes Shop.Silo ahead-of-time compiled (ReadyToRun), as the container images ship it, so the restart can be
/// timed with the silo a deployment runs: the build output the tests use JIT-compiles Orleans at every start.
/// </summary>
internal static class ReadyToRunSilo
{
    public static async Task<string> PublishAsync()
    {
        var project = typeof(ReadyToRunSilo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SiloProject").Value!;
        var output = Directory.CreateTempSubdirectory("shop-silo-r2r-").FullName;
        Console.WriteLine($"\nPublishing Shop.Silo with ReadyToRun to {output} ...");
        var publish = Process.Start(new ProcessStartInfo("dotnet",
            ["publish", project, "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", output])
        {
            RedirectStandardOutput = true,
        })!;
        var log = await publish.StandardOutput.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0) throw new InvalidOperationException($"dotnet publish failed:\n{log}");
        return Path.Combine(output, "Shop.Silo.dll");
    }
}
