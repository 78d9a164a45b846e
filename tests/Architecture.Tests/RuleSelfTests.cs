namespace Architecture.Tests;

/// <summary>The rules fed a synthetic project tree: a clean one passes, and each seeded violation is reported.</summary>
public sealed class RuleSelfTests
{
    private const string Provider = "providers/Orleans.Persistence.FileSystem/Orleans.Persistence.FileSystem.csproj";
    private const string Database = "database/Shop.Database/Shop.Database.csproj";
    private const string Interfaces = "interfaces/Shop.Interfaces/Shop.Interfaces.csproj";
    private const string Grains = "grains/Shop.Grains/Shop.Grains.csproj";
    private const string Silo = "silo/Shop.Silo/Shop.Silo.csproj";
    private const string Api = "api/Shop.Api/Shop.Api.csproj";

    [Fact]
    public void A_clean_tree_passes_every_rule()
    {
        var graph = ProjectGraph.FromXml(CleanTree());

        foreach (var (name, rule) in DependencyRules.All)
        {
            var violations = rule(graph);
            Assert.True(violations.Count == 0, $"{name}: {string.Join("; ", violations)}");
        }
    }

    [Theory]
    [InlineData(nameof(DependencyRules.ProvidersDoNotReferenceTheShop), Provider, Grains)]
    [InlineData(nameof(DependencyRules.ProvidersDoNotReferenceTheShop), Database, Interfaces)]
    [InlineData(nameof(DependencyRules.InterfacesReferenceOnlyOrleansAbstractions), Interfaces, Provider)]
    [InlineData(nameof(DependencyRules.GrainsReferenceOnlyInterfacesAndOrleans), Grains, Provider)]
    [InlineData(nameof(DependencyRules.ApiDoesNotReferenceGrains), Api, Grains)]
    public void A_bad_project_reference_is_reported(string rule, string from, string to)
    {
        var graph = ProjectGraph.FromXml(CleanTree().Select(p => p.Path == from ? (p.Path, WithReference(p.Xml, from, to)) : p));

        var violations = DependencyRules.All[rule](graph);

        var message = Assert.Single(violations);
        Assert.Contains(from, message, StringComparison.Ordinal);
        Assert.Contains(to, message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_api_with_an_embedded_silo_may_reference_the_silo()
    {
        var api = Csproj(properties: "<EmbeddedSilo>true</EmbeddedSilo>", references: [Interfaces, Silo]);
        var graph = ProjectGraph.FromXml(CleanTree().Select(p => p.Path == Api ? (Api, api) : p));

        Assert.Empty(DependencyRules.ApiDoesNotReferenceGrains(graph));
    }

    [Fact]
    public void An_api_without_an_embedded_silo_may_not_reference_the_silo()
    {
        var api = Csproj(references: [Interfaces, Silo]);
        var graph = ProjectGraph.FromXml(CleanTree().Select(p => p.Path == Api ? (Api, api) : p));

        var message = Assert.Single(DependencyRules.ApiDoesNotReferenceGrains(graph));
        Assert.Contains(Silo, message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_api_reaching_grains_through_another_project_is_reported()
    {
        const string Helpers = "api/Shop.Api.Helpers/Shop.Api.Helpers.csproj";
        var tree = CleanTree()
            .Select(p => p.Path == Api ? (Api, WithReference(p.Xml, Api, Helpers)) : p)
            .Append((Helpers, Csproj(references: [Grains])));

        var violations = DependencyRules.ApiDoesNotReferenceGrains(ProjectGraph.FromXml(tree));

        Assert.Contains(violations, v => v.Contains(Api, StringComparison.Ordinal) && v.Contains(Grains, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Grains, "Npgsql", nameof(DependencyRules.GrainsReferenceOnlyInterfacesAndOrleans))]
    [InlineData(Grains, "Confluent.Kafka", nameof(DependencyRules.GrainsReferenceOnlyInterfacesAndOrleans))]
    [InlineData(Grains, "Microsoft.Orleans.Server", nameof(DependencyRules.GrainsReferenceOnlyInterfacesAndOrleans))]
    [InlineData(Grains, "Microsoft.Orleans.Persistence.AdoNet", nameof(DependencyRules.GrainsReferenceOnlyInterfacesAndOrleans))]
    [InlineData(Interfaces, "Dapper", nameof(DependencyRules.InterfacesReferenceOnlyOrleansAbstractions))]
    [InlineData(Interfaces, "Microsoft.Orleans.Runtime", nameof(DependencyRules.InterfacesReferenceOnlyOrleansAbstractions))]
    public void A_forbidden_package_is_reported(string project, string package, string rule)
    {
        var xml = Csproj(packages: $"""<PackageReference Include="{package}" />""");
        var graph = ProjectGraph.FromXml(CleanTree().Select(p => p.Path == project ? (project, xml) : p));

        var message = Assert.Single(DependencyRules.All[rule](graph));
        Assert.Contains(project, message, StringComparison.Ordinal);
        Assert.Contains(package, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<PackageReference Include="xunit" Version="2.9.3" />""")]
    [InlineData("""<PackageReference Include="xunit"><Version>2.9.3</Version></PackageReference>""")]
    [InlineData("""<PackageReference Include="xunit" VersionOverride="2.9.3" />""")]
    public void A_per_project_package_version_is_reported(string packages)
    {
        var graph = ProjectGraph.FromXml(CleanTree().Append(("tests/X.Tests/X.Tests.csproj", Csproj(packages: packages))));

        var message = Assert.Single(DependencyRules.PackageVersionsAreCentral(graph));
        Assert.Contains("tests/X.Tests/X.Tests.csproj", message, StringComparison.Ordinal);
        Assert.Contains("xunit", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_per_project_nullable_is_reported()
    {
        var graph = ProjectGraph.FromXml(CleanTree().Append(("tests/X.Tests/X.Tests.csproj", Csproj(properties: "<Nullable>disable</Nullable>"))));

        Assert.Contains("tests/X.Tests/X.Tests.csproj", Assert.Single(DependencyRules.NullableIsNotSetPerProject(graph)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_missing_from_the_solution_is_reported()
    {
        var tree = CleanTree();
        var graph = ProjectGraph.FromXml(tree, tree.Select(p => p.Path).Where(p => p != Silo));

        Assert.Contains(Silo, Assert.Single(DependencyRules.EveryProjectIsInTheSolution(graph)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""..\..\providers\Orleans.Persistence.FileSystem\Orleans.Persistence.FileSystem.csproj""", Provider)]
    [InlineData("""$(MSBuildThisFileDirectory)../../providers/Orleans.Persistence.FileSystem/Orleans.Persistence.FileSystem.csproj""", Provider)]
    [InlineData("""../Shop.Other/./Shop.Other.csproj""", "grains/Shop.Other/Shop.Other.csproj")]
    [InlineData("""$(RepoRoot)providers/Orleans.Persistence.FileSystem/Orleans.Persistence.FileSystem.csproj""", null)]
    public void Project_reference_paths_are_resolved_from_the_project_folder(string include, string? expected)
    {
        var project = ProjectInfo.Parse(Grains, Csproj(packages: $"""<ProjectReference Include="{include}" />"""));

        Assert.Equal(expected, Assert.Single(project.ProjectReferences).Path);
    }

    private static List<(string Path, string Xml)> CleanTree() =>
    [
        (Provider, Csproj(packages: """<PackageReference Include="Microsoft.Orleans.Runtime" />""")),
        (Database, Csproj(packages: """<PackageReference Include="Npgsql" />""")),
        (Interfaces, Csproj(packages: """<PackageReference Include="Microsoft.Orleans.Sdk" />""")),
        (Grains, Csproj(references: [Interfaces], packages: """<PackageReference Include="Microsoft.Orleans.Sdk" /><PackageReference Include="Microsoft.Orleans.Streaming" />""")),
        (Silo, Csproj(references: [Grains, Provider], packages: """<PackageReference Include="Microsoft.Orleans.Server" /><PackageReference Include="Npgsql" />""")),
        (Api, Csproj(properties: "<EmbeddedSilo>true</EmbeddedSilo>", references: [Interfaces, Silo], packages: """<PackageReference Include="Microsoft.Orleans.Client" />""")),
    ];

    private static string Csproj(string properties = "", string[]? references = null, string packages = "")
    {
        var items = string.Concat((references ?? []).Select(r => $"""<ProjectReference Include="../../{r}" />"""));
        return $"""<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup>{properties}</PropertyGroup><ItemGroup>{items}{packages}</ItemGroup></Project>""";
    }

    private static string WithReference(string xml, string from, string to)
    {
        var project = ProjectInfo.Parse(from, xml);
        var existing = project.ProjectReferences.Select(r => r.Path!).Append(to).ToArray();
        var packages = string.Concat(project.PackageReferences.Select(p => $"""<PackageReference Include="{p.Name}" />"""));
        var properties = string.Concat(project.Properties.Select(p => $"<{p.Key}>{p.Value}</{p.Key}>"));
        return Csproj(properties, existing, packages);
    }
}
