using System.Xml.Linq;

namespace Architecture.Tests;

/// <summary>A project reference as written in a csproj, resolved to a repository-relative path.</summary>
/// <param name="Include">The Include attribute as written.</param>
/// <param name="Path">Repository-relative path with '/' separators, or null when it uses MSBuild properties we cannot resolve.</param>
/// <param name="IsAnalyzerOnly">True for OutputItemType="Analyzer" with ReferenceOutputAssembly="false": a build-time generator, not a dependency.</param>
internal sealed record ProjectReferenceInfo(string Include, string? Path, bool IsAnalyzerOnly);

/// <summary>A PackageReference; Version holds a Version or VersionOverride set in the csproj itself.</summary>
internal sealed record PackageReferenceInfo(string Name, string? Version);

/// <summary>What the dependency rules need to know about one csproj, read with System.Xml.Linq (no MSBuild evaluation).</summary>
internal sealed record ProjectInfo(
    string Path,
    IReadOnlyList<ProjectReferenceInfo> ProjectReferences,
    IReadOnlyList<PackageReferenceInfo> PackageReferences,
    IReadOnlyList<string> PackageVersionItems,
    IReadOnlyDictionary<string, string> Properties)
{
    /// <summary>First folder of the path: providers, interfaces, grains, silo, api, tests, ...</summary>
    public string Area => Path.Split('/')[0];

    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    public bool HasProperty(string name, string value) =>
        Properties.TryGetValue(name, out var actual) && string.Equals(actual.Trim(), value, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses csproj text; <paramref name="path"/> is repository-relative and anchors relative references.</summary>
    public static ProjectInfo Parse(string path, string xml)
    {
        var document = XDocument.Parse(xml);
        var projectDir = System.IO.Path.GetDirectoryName(path)?.Replace('\\', '/') ?? string.Empty;

        var projectReferences = Items(document, "ProjectReference")
            .Where(e => Attr(e, "Include") is not null)
            .Select(e => new ProjectReferenceInfo(
                Attr(e, "Include")!,
                Resolve(projectDir, Attr(e, "Include")!),
                string.Equals(Value(e, "OutputItemType"), "Analyzer", StringComparison.OrdinalIgnoreCase)
                    && string.Equals(Value(e, "ReferenceOutputAssembly"), "false", StringComparison.OrdinalIgnoreCase)))
            .ToList();

        var packageReferences = Items(document, "PackageReference")
            .Select(e => new PackageReferenceInfo(
                Attr(e, "Include") ?? Attr(e, "Update") ?? string.Empty,
                Value(e, "Version") ?? Value(e, "VersionOverride")))
            .ToList();

        var packageVersions = Items(document, "PackageVersion")
            .Select(e => Attr(e, "Include") ?? Attr(e, "Update") ?? string.Empty)
            .ToList();

        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in document.Descendants()
                     .Where(e => e.Name.LocalName == "PropertyGroup")
                     .SelectMany(g => g.Elements()))
        {
            properties[property.Name.LocalName] = property.Value;
        }

        return new ProjectInfo(path, projectReferences, packageReferences, packageVersions, properties);
    }

    private static IEnumerable<XElement> Items(XDocument document, string itemType) =>
        document.Descendants().Where(e => e.Name.LocalName == itemType && e.Parent?.Name.LocalName == "ItemGroup");

    private static string? Attr(XElement element, string name) => element.Attribute(name)?.Value;

    // Item metadata may be an attribute or a child element.
    private static string? Value(XElement element, string name) =>
        Attr(element, name) ?? element.Elements().FirstOrDefault(c => c.Name.LocalName == name)?.Value;

    private static string? Resolve(string projectDir, string include)
    {
        var normalized = include.Replace('\\', '/');
        foreach (var prefix in new[] { "$(MSBuildThisFileDirectory)", "$(MSBuildProjectDirectory)" })
        {
            if (normalized.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                normalized = normalized[prefix.Length..].TrimStart('/');
            }
        }

        // Other properties and absolute paths cannot be placed in the tree; a separate rule reports them.
        if (normalized.Contains("$(", StringComparison.Ordinal) || normalized.StartsWith('/'))
        {
            return null;
        }

        var stack = new List<string>();
        foreach (var segment in (projectDir + "/" + normalized).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (stack.Count == 0)
                {
                    return null;
                }

                stack.RemoveAt(stack.Count - 1);
            }
            else if (segment != ".")
            {
                stack.Add(segment);
            }
        }

        return string.Join('/', stack);
    }
}
