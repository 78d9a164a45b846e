namespace Shop.Deployment.Tests;

/// <summary>Every overlay renders with kustomize, and every resource it renders passes its Kubernetes schema.</summary>
public sealed class SchemaTests
{
    private static readonly string SchemaChecker = Path.Combine(RepositoryRoot.Path, "tests", "Shop.Deployment.Tests", "schema");

    public static TheoryData<string> Overlays => [.. RenderedOverlay.Names];

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_overlay_renders_and_every_resource_passes_its_schema(string overlay)
    {
        var rendered = await RenderedOverlay.RenderAsync(overlay);

        var report = await Tool.RunAsync("node", ["validate.mjs"], rendered.Yaml, SchemaChecker);

        Assert.Contains($"{rendered.Resources.Count} resources valid, 0 invalid", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_schema_check_refuses_a_resource_that_breaks_its_schema()
    {
        var rendered = await RenderedOverlay.RenderAsync("dev");
        var broken = rendered.Yaml.Replace("containerPort: 11111", "containerPort: eleven", StringComparison.Ordinal);

        var (exitCode, output, _) = await Tool.TryRunAsync("node", ["validate.mjs"], broken, SchemaChecker);

        Assert.Equal(1, exitCode);
        Assert.Contains("Deployment/shop-silo", output, StringComparison.Ordinal);
        Assert.Contains("containerPort", output, StringComparison.Ordinal);
    }
}
