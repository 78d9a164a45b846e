using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Shop.Testing.Ports;

namespace Shop.Telemetry.Tests;

/// <summary>
/// With only the standard OTEL_* settings, the API (hosting the shop's silo) sends its traces and metrics over OTLP/HTTP
/// to a receiver, as it would to an OpenTelemetry Collector: the real exporter, protobuf bodies, over TCP.
/// </summary>
public sealed class OtlpExportTests
{
    private const string ServiceName = "shop-otlp-export-test";

    [Fact]
    public async Task Traces_and_metrics_reach_an_OTLP_receiver_named_by_the_standard_variables()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = ServiceName,
            ["Shop:Storage:Provider"] = "Memory",
            ["Orleans:Endpoints:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans:Endpoints:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
        };
        await using var api = new ObservedApi(settings, new SpanCollector(), new MetricTotals());
        using var http = api.CreateClient();

        using var created = await http.PostAsJsonAsync("/api/v1/users", new { email = $"{Guid.NewGuid():N}@example.com", name = "Ann" });
        created.EnsureSuccessStatusCode();
        // Export now rather than on the exporters' schedule: the flush returns once the receiver has answered.
        Assert.True(api.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000), "the trace export did not complete");
        Assert.True(api.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000), "the metric export did not complete");

        var traces = receiver.Exports.Where(e => e.Path == "/v1/traces").ToList();
        var metrics = receiver.Exports.Where(e => e.Path == "/v1/metrics").ToList();
        Assert.NotEmpty(traces);
        Assert.All(traces, e => Assert.Equal("application/x-protobuf", e.ContentType));
        Assert.Contains(traces, e => e.Holds(ServiceName) && e.Holds("POST /api/v1/users"));
        // The grain call under the request travels in the same export: the silo's spans, not only the web host's.
        Assert.Contains(traces, e => e.Holds("IUserGrain"));
        Assert.Contains(metrics, e => e.Holds(ServiceName) && e.Holds("http.server.request.duration"));
    }
}
