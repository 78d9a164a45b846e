using System.Diagnostics;

namespace Granary.Diagnostics;

/// <summary>Names under which Granary publishes traces and metrics, for OpenTelemetry registration.</summary>
public static class GranaryTelemetry
{
    /// <summary>The ActivitySource of grain calls: a client span per outgoing call, a server span per incoming call.</summary>
    public const string ActivitySourceName = "Granary";

    /// <summary>The Meter of runtime metrics (calls, latency, errors, activations).</summary>
    public const string MeterName = "Granary";

    /// <summary>The RequestContext key carrying the W3C traceparent across grain calls.</summary>
    public const string TraceParentKey = "traceparent";

    /// <summary>The RequestContext key carrying the W3C tracestate across grain calls.</summary>
    public const string TraceStateKey = "tracestate";

    internal static readonly ActivitySource ActivitySource = new(ActivitySourceName, typeof(GranaryTelemetry).Assembly.GetName().Version?.ToString());
}
