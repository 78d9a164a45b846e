using System.Text.RegularExpressions;

namespace Architecture.Tests;

/// <summary>Every csproj in the tree plus the project paths listed in Orleans.sln; paths are repository-relative with '/'.</summary>
internal sealed partial class ProjectGraph
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "obj", "artifacts", "node_modules", "TestResults",
    };

    private readonly Dictionary<string, ProjectInfo> _byPath;

    public ProjectGraph(IEnumerable<ProjectInfo> projects, IEnumerable<string> solutionProjects)
    {
        Projects = projects.OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
        _byPath = Projects.ToDictionary(p => p.Path, StringComparer.Ordinal);
        SolutionProjects = new HashSet<string>(solutionProjects, StringComparer.Ordinal);
    }

    public IReadOnlyList<ProjectInfo> Projects { get; }

    public IReadOnlySet<string> SolutionProjects { get; }

    public ProjectInfo? Find(string? path) => path is not null && _byPath.TryGetValue(path, out var project) ? project : null;

    public IEnumerable<ProjectInfo> InArea(string area) => Projects.Where(p => p.Area == area);

    /// <summary>Builds a graph from csproj texts, so tests can check the rules against a synthetic tree.</summary>
    public static ProjectGraph FromXml(IEnumerable<(string Path, string Xml)> projects, IEnumerable<string>? solutionProjects = null)
    {
        var parsed = projects.Select(p => ProjectInfo.Parse(p.Path, p.Xml)).ToList();
        return new ProjectGraph(parsed, solutionProjects ?? parsed.Select(p => p.Path));
    }

    public static ProjectGraph Load(string root)
    {
        var projects = EnumerateProjects(root)
            .Select(file => ProjectInfo.Parse(Relative(root, file), File.ReadAllText(file)));
        var solution = File.ReadAllText(Path.Combine(root, RepositoryRoot.SolutionFileName));
        var solutionProjects = SolutionProjectLine().Matches(solution)
            .Select(m => m.Groups["path"].Value.Replace('\\', '/'));
        return new ProjectGraph(projects, solutionProjects);
    }

    private static IEnumerable<string> EnumerateProjects(string dir)
    {
        foreach (var file in Directory.EnumerateFiles(dir, "*.csproj"))
        {
            yield return file;
        }

        foreach (var sub in Directory.EnumerateDirectories(dir))
        {
            var name = Path.GetFileName(sub);
            if (name.StartsWith('.') || SkippedFolders.Contains(name))
            {
                continue;
            }

            foreach (var file in EnumerateProjects(sub))
            {
                yield return file;
            }
        }
    }

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');

    [GeneratedRegex("""^Project\("\{[^}]+\}"\)\s*=\s*"[^"]*",\s*"(?<path>[^"]+\.csproj)"\s*,""", RegexOptions.Multiline)]
    private static partial Regex SolutionProjectLine();
}
