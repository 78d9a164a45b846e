namespace Shop.Compose.Tests.Harness;

/// <summary>
/// The short container smoke of the default test run: images built, the stack up, one walkthrough, the stack down.
/// It needs root (rootful podman, which scripts/container-images.sh installs); <c>SHOP_COMPOSE_SMOKE=0</c> turns it off.
/// The heavy tests (<see cref="ComposeFactAttribute"/>) stay opt-in.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ComposeSmokeFactAttribute : FactAttribute
{
    public const string Variable = "SHOP_COMPOSE_SMOKE";

    public static bool Enabled => ComposeFactAttribute.Enabled || (Environment.GetEnvironmentVariable(Variable) != "0" && Environment.UserName == "root");

    public ComposeSmokeFactAttribute()
    {
        if (!Enabled)
        {
            Skip = Environment.GetEnvironmentVariable(Variable) == "0"
                ? $"The container smoke is off ({Variable}=0)."
                : "The container smoke needs root (rootful podman); run the tests as root or set SHOP_COMPOSE_TESTS=1 with root.";
        }
    }
}
