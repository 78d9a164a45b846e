namespace Shop.Api.Hosting;

/// <summary>
/// How the API, as an external Orleans client, follows the cluster when silos die. Bound from
/// <c>Shop:Cluster:Client</c>; used only with <c>Shop:Cluster:Mode=External</c>.
/// </summary>
public sealed class ClientFailoverOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Shop:Cluster:Client";

    /// <summary>How often the gateway list is read from the membership table. Default 2 s (Orleans: 1 min).</summary>
    public TimeSpan GatewayListRefreshPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Attempts of one grain call that failed because its silo or gateway went away before answering (the first
    /// attempt included). Default 6; 1 turns retries off. Retrying is safe: every command carries its own id or the
    /// request's idempotency key, so a command that did run before its silo died is not applied twice.
    /// </summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The pause before the first retry; it doubles per attempt, up to <see cref="MaxRetryDelay"/>. Default 100 ms.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest pause between two attempts. Default 1 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    internal IEnumerable<string> Problems()
    {
        if (GatewayListRefreshPeriod <= TimeSpan.Zero) yield return $"{SectionName}:GatewayListRefreshPeriod must be positive.";
        if (MaxAttempts is < 1 or > 100) yield return $"{SectionName}:MaxAttempts must be from 1 to 100.";
        if (FirstRetryDelay < TimeSpan.Zero) yield return $"{SectionName}:FirstRetryDelay must not be negative.";
        if (MaxRetryDelay < FirstRetryDelay) yield return $"{SectionName}:MaxRetryDelay must be at least FirstRetryDelay.";
    }
}
