namespace Architecture.Tests;

/// <summary>STYLE.md's dependency rules, checked against every csproj in the repository.</summary>
public sealed class DependencyRuleTests
{
    private static readonly Lazy<ProjectGraph> Graph = new(() => ProjectGraph.Load(RepositoryRoot.Locate()));

    [Fact]
    public void The_repository_tree_is_found() =>
        Assert.Contains(Graph.Value.Projects, p => p.Path == "grains/Shop.Grains/Shop.Grains.csproj");

    [Fact]
    public void Providers_and_database_do_not_reference_interfaces_grains_silo_or_api() =>
        AssertHolds(DependencyRules.ProvidersDoNotReferenceTheShop);

    [Fact]
    public void Interfaces_reference_only_orleans_abstractions() =>
        AssertHolds(DependencyRules.InterfacesReferenceOnlyOrleansAbstractions);

    [Fact]
    public void Grains_reference_only_interfaces_and_orleans() =>
        AssertHolds(DependencyRules.GrainsReferenceOnlyInterfacesAndOrleans);

    /// <summary>
    /// api/* never references grains/*. It may reference silo/* (and so reach grains through the silo's public
    /// builder) only when its csproj sets &lt;EmbeddedSilo&gt;true&lt;/EmbeddedSilo&gt;, the in-process development mode.
    /// </summary>
    [Fact]
    public void Api_does_not_reference_grains() =>
        AssertHolds(DependencyRules.ApiDoesNotReferenceGrains);

    [Fact]
    public void Package_versions_are_central() =>
        AssertHolds(DependencyRules.PackageVersionsAreCentral);

    [Fact]
    public void No_project_sets_nullable() =>
        AssertHolds(DependencyRules.NullableIsNotSetPerProject);

    [Fact]
    public void Every_project_is_in_the_solution() =>
        AssertHolds(DependencyRules.EveryProjectIsInTheSolution);

    [Fact]
    public void Project_references_resolve_to_projects_in_the_tree() =>
        AssertHolds(DependencyRules.ProjectReferencesResolveToProjectsInTheTree);

    private static void AssertHolds(Func<ProjectGraph, IReadOnlyList<string>> rule)
    {
        var violations = rule(Graph.Value);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
