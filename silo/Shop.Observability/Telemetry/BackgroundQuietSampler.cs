using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Shop.Observability.Telemetry;

/// <summary>
/// Records every span of a trace that a request, a webhook or a shop event started, and by default no trace that
/// background work would start: on an idle cluster Orleans' stream queue polls, membership and the dashboard's own
/// grain calls, and Npgsql's membership queries, would each open a new trace several times a second.
/// </summary>
/// <remarks>
/// A sampler does not see its span's ActivitySource, only its kind and name. Orleans names grain-call spans
/// "IInterface/Method" (kinds Client and Server), Npgsql's commands are Client spans, while an incoming HTTP request
/// is a Server span whose name has no '/', and HttpClient's span is named System.Net.Http.HttpRequestOut.
/// </remarks>
internal sealed class BackgroundQuietSampler(bool traceBackgroundWork) : Sampler
{
    private const string HttpClientSpan = "System.Net.Http.HttpRequestOut";

    private static readonly SamplingResult Record = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        var parent = samplingParameters.ParentContext;
        if (parent.TraceId != default)
            return (parent.TraceFlags & ActivityTraceFlags.Recorded) != 0 ? Record : Drop;
        if (traceBackgroundWork) return Record;
        return samplingParameters.Kind switch
        {
            ActivityKind.Server => samplingParameters.Name.Contains('/', StringComparison.Ordinal) ? Drop : Record,
            ActivityKind.Client => samplingParameters.Name == HttpClientSpan ? Record : Drop,
            _ => Record,
        };
    }
}
