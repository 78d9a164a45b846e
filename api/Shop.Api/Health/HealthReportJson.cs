using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Shop.Api.Health;

/// <summary>Writes a health report as JSON: the overall status and each check's status, description and time, for people and probes alike.</summary>
internal static class HealthReportJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            totalDurationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new
                {
                    status = entry.Value.Status.ToString(),
                    description = entry.Value.Description,
                    durationMs = Math.Round(entry.Value.Duration.TotalMilliseconds, 1),
                    error = entry.Value.Exception?.Message,
                }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, Options, context.RequestAborted);
    }
}
