namespace Shop.Compose.Tests.Harness;

/// <summary>The repository's root, found from the test's output folder by its solution file.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Locate();

    private static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Orleans.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException($"No Orleans.sln above {AppContext.BaseDirectory}.");
    }
}
