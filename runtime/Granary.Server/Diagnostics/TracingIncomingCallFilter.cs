using System.Diagnostics;
using Granary.Runtime;

namespace Granary.Diagnostics;

/// <summary>Starts a server span per incoming grain call, parented by the trace context that came with the message.</summary>
internal sealed class TracingIncomingCallFilter : IIncomingGrainCallFilter, Invocation.IOptionalGrainCallFilter
{
    public bool IsActive => GranaryTelemetry.ActivitySource.HasListeners();

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (!GranaryTelemetry.ActivitySource.HasListeners()) return context.Invoke();
        return TraceAsync(context);
    }

    private static async Task TraceAsync(IIncomingGrainCallContext context)
    {
        ActivityContext.TryParse(
            RequestContext.Get(GranaryTelemetry.TraceParentKey) as string,
            RequestContext.Get(GranaryTelemetry.TraceStateKey) as string,
            isRemote: true,
            out var parent);
        using var activity = GranaryTelemetry.ActivitySource.StartActivity(
            $"{context.Request.InterfaceType.Name}/{context.MethodName}", ActivityKind.Server, parent);
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
