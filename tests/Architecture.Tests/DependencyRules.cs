namespace Architecture.Tests;

/// <summary>
/// STYLE.md's dependency rules over a <see cref="ProjectGraph"/>. Each rule returns one message per violation,
/// naming the offending project and reference; an empty list means the rule holds.
/// </summary>
internal static class DependencyRules
{
    /// <summary>
    /// The property an api project sets to host a silo in-process (development mode). Only then may it reference
    /// silo/*, and through it grains/*; it must still never reference grains/* directly.
    /// </summary>
    public const string EmbeddedSiloProperty = "EmbeddedSilo";

    /// <summary>What grain interfaces may build on: Orleans' abstractions and its code generator, nothing of a runtime.</summary>
    public static readonly string[] OrleansAbstractionPackages =
        ["Microsoft.Orleans.Sdk", "Microsoft.Orleans.Core.Abstractions", "Microsoft.Orleans.Serialization.Abstractions"];

    private static readonly string[] ShopAreas = ["interfaces", "grains", "silo", "api"];

    /// <summary>Clients of infrastructure and the hosting side of Orleans: the silo wires these, grains never do.</summary>
    private static readonly string[] HostingPackagePrefixes =
    [
        "Npgsql", "Confluent.Kafka", "Microsoft.Orleans.Server", "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Client",
        "Microsoft.Orleans.Clustering.", "Microsoft.Orleans.Persistence.", "Microsoft.Orleans.Hosting.", "Microsoft.Orleans.Reminders.",
    ];

    public static IReadOnlyDictionary<string, Func<ProjectGraph, IReadOnlyList<string>>> All { get; } =
        new Dictionary<string, Func<ProjectGraph, IReadOnlyList<string>>>
        {
            [nameof(ProvidersDoNotReferenceTheShop)] = ProvidersDoNotReferenceTheShop,
            [nameof(InterfacesReferenceOnlyOrleansAbstractions)] = InterfacesReferenceOnlyOrleansAbstractions,
            [nameof(GrainsReferenceOnlyInterfacesAndOrleans)] = GrainsReferenceOnlyInterfacesAndOrleans,
            [nameof(ApiDoesNotReferenceGrains)] = ApiDoesNotReferenceGrains,
            [nameof(PackageVersionsAreCentral)] = PackageVersionsAreCentral,
            [nameof(NullableIsNotSetPerProject)] = NullableIsNotSetPerProject,
            [nameof(EveryProjectIsInTheSolution)] = EveryProjectIsInTheSolution,
            [nameof(ProjectReferencesResolveToProjectsInTheTree)] = ProjectReferencesResolveToProjectsInTheTree,
        };

    /// <summary>providers/ extend Orleans for anyone and database/ serves Orleans' ADO.NET providers: neither knows the shop.</summary>
    public static IReadOnlyList<string> ProvidersDoNotReferenceTheShop(ProjectGraph graph) =>
        [.. from area in (string[])["providers", "database"]
            from project in graph.InArea(area)
            from reference in project.ProjectReferences
            where reference.Path is not null && ShopAreas.Contains(AreaOf(reference.Path))
            select $"{project.Path} references {reference.Path}: {area}/ must not reference interfaces/, grains/, silo/ or api/"];

    public static IReadOnlyList<string> InterfacesReferenceOnlyOrleansAbstractions(ProjectGraph graph)
    {
        var allowed = string.Join(", ", OrleansAbstractionPackages);
        var violations = new List<string>();
        foreach (var project in graph.InArea("interfaces"))
        {
            violations.AddRange(
                from reference in project.ProjectReferences
                select $"{project.Path} references {reference.Path ?? reference.Include}: interfaces/ may reference only the packages {allowed}");
            violations.AddRange(
                from package in project.PackageReferences
                where !OrleansAbstractionPackages.Contains(package.Name, StringComparer.OrdinalIgnoreCase)
                select $"{project.Path} references package {package.Name}: interfaces/ may reference only the packages {allowed}");
        }

        return violations;
    }

    public static IReadOnlyList<string> GrainsReferenceOnlyInterfacesAndOrleans(ProjectGraph graph)
    {
        var violations = new List<string>();
        foreach (var project in graph.InArea("grains"))
        {
            violations.AddRange(
                from reference in project.ProjectReferences
                where reference.Path is null || AreaOf(reference.Path) != "interfaces"
                select $"{project.Path} references {reference.Path ?? reference.Include}: grains/ may reference only interfaces/*");
            violations.AddRange(
                from package in project.PackageReferences
                where HostingPackagePrefixes.Any(prefix => IsPackageOrFamily(package.Name, prefix))
                select $"{project.Path} references package {package.Name}: grains/ must not use infrastructure clients or Orleans hosting packages; the silo wires providers");
        }

        return violations;
    }

    public static IReadOnlyList<string> ApiDoesNotReferenceGrains(ProjectGraph graph)
    {
        var violations = new List<string>();
        foreach (var api in graph.InArea("api"))
        {
            var embedded = api.HasProperty(EmbeddedSiloProperty, "true");
            foreach (var reference in api.ProjectReferences.Where(r => r.Path is not null))
            {
                var area = AreaOf(reference.Path!);
                if (area == "grains")
                {
                    violations.Add($"{api.Path} references {reference.Path}: api/ must not reference grains/ (talk to grains through interfaces/ and the cluster client)");
                }
                else if (area == "silo")
                {
                    if (!embedded)
                    {
                        violations.Add($"{api.Path} references {reference.Path}: api/ may reference silo/ only when it sets <{EmbeddedSiloProperty}>true</{EmbeddedSiloProperty}>");
                    }
                }
                else if (ReachableGrains(graph, reference.Path!).FirstOrDefault() is { } grains)
                {
                    violations.Add($"{api.Path} references {reference.Path}, which reaches {grains}: api/ must not depend on grains/ except through an embedded silo/");
                }
            }
        }

        return violations;
    }

    public static IReadOnlyList<string> PackageVersionsAreCentral(ProjectGraph graph) =>
        [
            .. from project in graph.Projects
               from package in project.PackageReferences
               where package.Version is not null
               select $"{project.Path} sets Version=\"{package.Version}\" on package {package.Name}: versions belong in Directory.Packages.props",
            .. from project in graph.Projects
               from package in project.PackageVersionItems
               select $"{project.Path} declares PackageVersion {package}: versions belong in Directory.Packages.props",
        ];

    public static IReadOnlyList<string> NullableIsNotSetPerProject(ProjectGraph graph) =>
        [.. from project in graph.Projects
            where project.Properties.ContainsKey("Nullable")
            select $"{project.Path} sets Nullable={project.Properties["Nullable"]}: Nullable is set once in Directory.Build.props"];

    public static IReadOnlyList<string> EveryProjectIsInTheSolution(ProjectGraph graph) =>
        [.. from project in graph.Projects
            where !graph.SolutionProjects.Contains(project.Path)
            select $"{project.Path} is not in {RepositoryRoot.SolutionFileName}: add it with 'dotnet sln {RepositoryRoot.SolutionFileName} add {project.Path}'"];

    /// <summary>The other rules classify references by path, so every reference must land on a csproj in the tree.</summary>
    public static IReadOnlyList<string> ProjectReferencesResolveToProjectsInTheTree(ProjectGraph graph) =>
        [.. from project in graph.Projects
            from reference in project.ProjectReferences
            where graph.Find(reference.Path) is null
            select $"{project.Path} references {reference.Include}, which is not a project in the repository tree"];

    /// <summary>"Npgsql" matches Npgsql and Npgsql.*; a prefix ending in '.' ("Microsoft.Orleans.Clustering.") matches only the family.</summary>
    private static bool IsPackageOrFamily(string package, string prefix) =>
        prefix.EndsWith('.')
            ? package.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            : package.Equals(prefix, StringComparison.OrdinalIgnoreCase) || package.StartsWith(prefix + ".", StringComparison.OrdinalIgnoreCase);

    private static string AreaOf(string path) => path.Split('/')[0];

    private static IEnumerable<string> ReachableGrains(ProjectGraph graph, string start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([start]);
        while (pending.TryPop(out var path))
        {
            if (!seen.Add(path))
            {
                continue;
            }

            if (AreaOf(path) == "grains")
            {
                yield return path;
            }

            foreach (var next in graph.Find(path)?.ProjectReferences ?? [])
            {
                if (next.Path is not null)
                {
                    pending.Push(next.Path);
                }
            }
        }
    }
}
