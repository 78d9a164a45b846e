extern alias ShopApi;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Shop.Telemetry.Tests;

/// <summary>The API with its own telemetry set-up, plus an in-memory span exporter and an on-demand metric reader.</summary>
public sealed class ObservedApi(IReadOnlyDictionary<string, string> settings, SpanCollector spans, MetricTotals metrics)
    : WebApplicationFactory<ShopApi::Program>
{
    /// <summary>Collects the metrics now, so <see cref="MetricTotals"/> holds the current values.</summary>
    public void CollectMetrics() => Services.GetRequiredService<MeterProvider>().ForceFlush();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(new OpenTelemetry.SimpleActivityExportProcessor(spans)));
            services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddReader(new BaseExportingMetricReader(metrics)));
        });
    }
}
