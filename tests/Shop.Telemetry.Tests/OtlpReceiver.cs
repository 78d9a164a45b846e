using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Shop.Telemetry.Tests;

/// <summary>
/// An OTLP/HTTP endpoint as a collector exposes it (<c>POST /v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>, protobuf
/// bodies): records every export request so a test can read what the real exporter sent over the wire.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app, ConcurrentQueue<OtlpExport> exports)
    {
        _app = app;
        Exports = exports;
    }

    /// <summary>The base address to give the exporter as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public Uri Endpoint => new(_app.Urls.First());

    public ConcurrentQueue<OtlpExport> Exports { get; }

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var exports = new ConcurrentQueue<OtlpExport>();
        app.MapPost("/v1/{signal}", async (HttpContext context, string signal) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            exports.Enqueue(new OtlpExport($"/v1/{signal}", context.Request.ContentType, body.ToArray()));
            // An empty Export*ServiceResponse: full success.
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        return new OtlpReceiver(app, exports);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>One export request as received: the signal's path, the content type and the protobuf body.</summary>
public sealed record OtlpExport(string Path, string? ContentType, byte[] Body)
{
    /// <summary>True when the body holds <paramref name="text"/>: protobuf writes strings as plain UTF-8 bytes.</summary>
    public bool Holds(string text) => Body.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;
}
