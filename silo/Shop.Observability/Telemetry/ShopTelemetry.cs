using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Shop.Diagnostics;

namespace Shop.Observability.Telemetry;

/// <summary>
/// The one OpenTelemetry set-up of every shop process (silo host, API, embedded or client): traces, metrics and logs
/// from ASP.NET Core, HttpClient, Orleans, Npgsql and the shop's own sources, exported over OTLP when the standard
/// <c>OTEL_EXPORTER_OTLP_*</c> variables say where, and scraped by Prometheus when <c>Shop:Telemetry:Prometheus</c> is on.
/// </summary>
public static class ShopTelemetry
{
    /// <summary>Orleans' spans of runtime calls (system targets, stream queues, membership) inside a traced request.</summary>
    public const string OrleansRuntimeSource = "Microsoft.Orleans.Runtime";

    /// <summary>Orleans' spans of calls to application grains.</summary>
    public const string OrleansApplicationSource = "Microsoft.Orleans.Application";

    /// <summary>Orleans' meter: activations, messaging, membership, streams, ...</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>The ActivitySource our Kafka stream provider is to emit on (the provider is being written on another branch).</summary>
    public const string KafkaStreamsSource = "Orleans.Streaming.Kafka";

    /// <summary>The shop's own ActivitySource (stream publish and delivery).</summary>
    public const string ShopSource = ShopDiagnosticNames.ActivitySource;

    /// <summary>The shop's own meter (orders, saga duration, webhooks).</summary>
    public const string ShopMeter = ShopDiagnosticNames.Meter;

    /// <summary>The span tag naming the silo that served a grain call, so a trace shows where each call ran.</summary>
    public const string SiloTag = "orleans.silo";

    /// <summary>
    /// Adds OpenTelemetry to the host. <paramref name="defaultServiceName"/> names the process (service.name) unless
    /// <c>OTEL_SERVICE_NAME</c> is set; service.version is the entry assembly's version and service.instance.id is
    /// unique per process unless <c>OTEL_RESOURCE_ATTRIBUTES</c> sets it.
    /// </summary>
    public static IHostApplicationBuilder AddShopTelemetry(this IHostApplicationBuilder builder, string defaultServiceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultServiceName);
        var configuration = builder.Configuration;
        var options = ShopTelemetryOptions.Read(configuration);
        options.QuietPath = Dashboard.ShopDashboardOptions.Read(configuration).Path;
        builder.Services.AddSingleton(options);

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            // Only this signal's own endpoint; OTEL_EXPORTER_OTLP_ENDPOINT switches all three on below.
            if (IsSet(configuration, "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT") && !IsSet(configuration, "OTEL_EXPORTER_OTLP_ENDPOINT"))
                logging.AddOtlpExporter();
        });

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                serviceName: configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : defaultServiceName,
                serviceVersion: ServiceVersion(),
                autoGenerateServiceInstanceId: true))
            .WithTracing(tracing =>
            {
                tracing.SetSampler(new BackgroundQuietSampler(options.TraceBackgroundWork))
                    .AddSource(OrleansRuntimeSource, OrleansApplicationSource, KafkaStreamsSource, ShopSource)
                    .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsPlumbing(context.Request.Path, options))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(OrleansMeter, ShopMeter)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (options.Prometheus) metrics.AddPrometheusExporter();
            });

        AddOtlpExport(otel, configuration);
        return builder;
    }

    /// <summary>Maps the Prometheus scrape endpoint (<c>Shop:Telemetry:PrometheusPath</c>) when <c>Shop:Telemetry:Prometheus</c> is on.</summary>
    public static IEndpointRouteBuilder MapShopTelemetry(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<ShopTelemetryOptions>();
        if (options.Prometheus) endpoints.MapPrometheusScrapingEndpoint(options.PrometheusPath);
        return endpoints;
    }

    /// <summary>
    /// OTLP export switches on only when a standard endpoint variable is set: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> for all
    /// three signals, or a signal's own <c>OTEL_EXPORTER_OTLP_{TRACES,METRICS,LOGS}_ENDPOINT</c>. The exporter reads the
    /// other <c>OTEL_EXPORTER_OTLP_*</c> variables (protocol, headers, timeout) itself.
    /// </summary>
    private static void AddOtlpExport(IOpenTelemetryBuilder otel, IConfiguration configuration)
    {
        if (IsSet(configuration, "OTEL_EXPORTER_OTLP_ENDPOINT"))
        {
            otel.UseOtlpExporter();
            return;
        }

        if (IsSet(configuration, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")) otel.WithTracing(tracing => tracing.AddOtlpExporter());
        if (IsSet(configuration, "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT")) otel.WithMetrics(metrics => metrics.AddOtlpExporter());
    }

    private static bool IsSet(IConfiguration configuration, string key) => !string.IsNullOrWhiteSpace(configuration[key]);

    /// <summary>Health probes, scrapes and the dashboard's once-a-second polling would bury the requests worth tracing.</summary>
    private static bool IsPlumbing(PathString path, ShopTelemetryOptions options) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments(options.PrometheusPath) || path.StartsWithSegments(options.QuietPath);

    private static string ServiceVersion()
    {
        var assembly = Assembly.GetEntryAssembly() ?? typeof(ShopTelemetry).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
        // The SDK appends "+<commit>" when it knows the source revision; the version proper is what dashboards group by.
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? version[..plus] : version;
    }
}
