namespace Shop.Telemetry.Tests;

/// <summary>Where test runs leave files for people to look at: artifacts/test-results/ of the repository, as test.sh collects it.</summary>
public static class Artifacts
{
    public static string File(string name)
    {
        var root = FindRoot(AppContext.BaseDirectory) ?? Path.GetTempPath();
        var directory = Path.Combine(root, "artifacts", "test-results", "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Orleans.sln"))) return dir.FullName;
        }

        return null;
    }
}
