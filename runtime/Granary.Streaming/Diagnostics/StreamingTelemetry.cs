using System.Diagnostics;

namespace Granary.Streaming.Diagnostics;

/// <summary>Names under which the stream runtime publishes traces, for OpenTelemetry registration.</summary>
public static class StreamingTelemetry
{
    /// <summary>The ActivitySource of streams: a producer span per publish, a consumer span per delivery to a subscriber.</summary>
    public const string ActivitySourceName = "Granary.Streaming";

    internal static readonly ActivitySource ActivitySource = new(ActivitySourceName, typeof(StreamingTelemetry).Assembly.GetName().Version?.ToString());
}
