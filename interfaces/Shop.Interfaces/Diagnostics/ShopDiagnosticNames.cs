namespace Shop.Diagnostics;

/// <summary>
/// The names of the shop's own ActivitySource and Meter. Here, beside the contracts, because the grains emit on them
/// with System.Diagnostics alone while the hosts' telemetry set-up subscribes to them by name.
/// </summary>
public static class ShopDiagnosticNames
{
    /// <summary>The ActivitySource of the shop's spans: a domain event's publish and its delivery to a consuming grain.</summary>
    public const string ActivitySource = "Shop";

    /// <summary>The Meter of the shop's instruments (orders, saga duration, webhook deliveries, breaker state).</summary>
    public const string Meter = "Shop";
}
