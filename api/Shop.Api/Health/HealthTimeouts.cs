namespace Shop.Api.Health;

internal static class HealthTimeouts
{
    /// <summary>A probe that takes longer than this counts as failed: orchestrators time out probes too.</summary>
    public static readonly TimeSpan Probe = TimeSpan.FromSeconds(5);
}
