using System.Diagnostics;
using Granary.Runtime;

namespace Granary.Diagnostics;

/// <summary>
/// Starts a client span per outgoing grain call and puts its W3C trace context into the RequestContext,
/// which travels in the message headers. Costs nothing beyond a check when nobody listens and no trace is active.
/// </summary>
internal sealed class TracingOutgoingCallFilter : IOutgoingGrainCallFilter, Invocation.IOptionalGrainCallFilter
{
    public bool IsActive => GranaryTelemetry.ActivitySource.HasListeners() || Activity.Current is not null;

    public Task Invoke(IOutgoingGrainCallContext context)
    {
        if (!GranaryTelemetry.ActivitySource.HasListeners() && Activity.Current is null) return context.Invoke();
        return TraceAsync(context);
    }

    private static async Task TraceAsync(IOutgoingGrainCallContext context)
    {
        using var activity = GranaryTelemetry.ActivitySource.StartActivity($"{context.Request.InterfaceType.Name}/{context.MethodName}", ActivityKind.Client);
        var current = activity ?? Activity.Current;
        if (current is not null)
        {
            // AsyncLocal changes made in this async method stay in this call's flow; the caller's context is untouched.
            RequestContext.Set(GranaryTelemetry.TraceParentKey, current.Id);
            if (current.TraceStateString is { } traceState) RequestContext.Set(GranaryTelemetry.TraceStateKey, traceState);
        }

        activity?.SetTag("rpc.system", "granary");
        activity?.SetTag("rpc.service", context.Request.InterfaceType.FullName);
        activity?.SetTag("rpc.method", context.MethodName);
        activity?.SetTag("granary.grain.id", context.TargetId.ToString());
        try
        {
            await context.Invoke();
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            throw;
        }
    }
}
