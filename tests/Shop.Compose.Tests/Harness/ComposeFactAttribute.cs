namespace Shop.Compose.Tests.Harness;

/// <summary>
/// A test that builds images and runs containers: it runs only when <c>SHOP_COMPOSE_TESTS=1</c>, because the first
/// image build alone takes longer than the default test run may (docs/deployment.md has the figures).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ComposeFactAttribute : FactAttribute
{
    public const string Variable = "SHOP_COMPOSE_TESTS";

    public static bool Enabled => Environment.GetEnvironmentVariable(Variable) == "1";

    public ComposeFactAttribute()
    {
        if (!Enabled) Skip = $"Container tests are opt-in: set {Variable}=1 (needs root and podman; scripts/container-images.sh sets them up).";
    }
}
