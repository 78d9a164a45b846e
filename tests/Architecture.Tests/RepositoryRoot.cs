using System.Runtime.CompilerServices;

namespace Architecture.Tests;

/// <summary>Finds the repository root: the nearest folder holding Orleans.sln above the test binaries.</summary>
internal static class RepositoryRoot
{
    public const string SolutionFileName = "Orleans.sln";

    public static string Locate() =>
        FindAbove(AppContext.BaseDirectory)
        // Binaries built with --artifacts-path outside the tree: fall back to where this source file was compiled.
        ?? FindAbove(SourceDirectory())
        ?? throw new InvalidOperationException(
            $"No {SolutionFileName} found above {AppContext.BaseDirectory}; the architecture tests must run from inside the repository.");

    private static string? FindAbove(string? start)
    {
        for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static string? SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path);
}
