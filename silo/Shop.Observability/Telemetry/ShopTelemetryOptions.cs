using Microsoft.Extensions.Configuration;

namespace Shop.Observability.Telemetry;

/// <summary>What the shop's telemetry exposes besides OTLP. Bound from <c>Shop:Telemetry</c>.</summary>
public sealed class ShopTelemetryOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Shop:Telemetry";

    /// <summary>Serves metrics for Prometheus to scrape at <see cref="PrometheusPath"/>. Default: false.</summary>
    public bool Prometheus { get; set; }

    /// <summary>The path of the Prometheus scrape endpoint. Default: <c>/metrics</c>.</summary>
    public string PrometheusPath { get; set; } = "/metrics";

    /// <summary>
    /// Also trace work that no request started: stream queue polls, membership, reminders, the dashboard's own calls.
    /// Default: false, because those start several traces a second on an idle cluster.
    /// </summary>
    public bool TraceBackgroundWork { get; set; }

    /// <summary>A path whose requests are not traced (the dashboard's polling); set by the dashboard's set-up.</summary>
    internal string QuietPath { get; set; } = "/dashboard";

    /// <summary>Reads the section, failing with the setting's name when it holds something unusable.</summary>
    public static ShopTelemetryOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(SectionName).Get<ShopTelemetryOptions>() ?? new ShopTelemetryOptions();
        if (string.IsNullOrWhiteSpace(options.PrometheusPath) || !options.PrometheusPath.StartsWith('/') || options.PrometheusPath.Length < 2)
            throw new InvalidOperationException($"{SectionName}:PrometheusPath must be a path such as /metrics (got '{options.PrometheusPath}').");
        return options;
    }
}
