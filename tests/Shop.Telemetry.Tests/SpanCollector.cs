using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;

namespace Shop.Telemetry.Tests;

/// <summary>Keeps every ended span the API's tracer provider exports; safe to read while spans keep ending.</summary>
public sealed class SpanCollector : BaseExporter<Activity>
{
    private readonly ConcurrentQueue<Activity> _spans = new();

    public IReadOnlyList<Activity> Spans => [.. _spans];

    public IReadOnlyList<Activity> InTrace(ActivityTraceId traceId) => [.. _spans.Where(span => span.TraceId == traceId)];

    public override ExportResult Export(in Batch<Activity> batch)
    {
        foreach (var span in batch) _spans.Enqueue(span);
        return ExportResult.Success;
    }
}
