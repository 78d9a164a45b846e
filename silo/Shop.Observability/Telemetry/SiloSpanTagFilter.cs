using System.Diagnostics;
using Orleans.Runtime;

namespace Shop.Observability.Telemetry;

/// <summary>
/// Tags the span of an incoming grain call with the silo that serves it. Each silo process has its own
/// service.instance.id, but several silos share one process in the embedded mode and in tests, and a trace viewer
/// shows span tags next to the call, so the silo is named on the span itself.
/// </summary>
internal sealed class SiloSpanTagFilter(ILocalSiloDetails silo) : IIncomingGrainCallFilter
{
    private readonly string _silo = silo.SiloAddress.ToString();

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (Activity.Current is { IsAllDataRequested: true, Kind: ActivityKind.Server } activity
            && activity.Source.Name is ShopTelemetry.OrleansApplicationSource or ShopTelemetry.OrleansRuntimeSource)
        {
            activity.SetTag(ShopTelemetry.SiloTag, _silo);
        }

        return context.Invoke();
    }
}
