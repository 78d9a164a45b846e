using Granary.Runtime;

namespace Granary.Catalog;

/// <summary>Walks the silo's incoming filters, then the grain's own filter, then the grain method.</summary>
internal sealed class IncomingCallContext(object grain, GrainId targetId, GrainId? sourceId, Invocation.Invokable request, IIncomingGrainCallFilter[] filters)
    : IIncomingGrainCallContext
{
    private int _next;
    private bool _grainFilterDone;

    public object Grain => grain;

    public GrainId TargetId => targetId;

    public GrainId? SourceId => sourceId;

    public Invocation.Invokable Request => request;

    public object? Result { get; set; }

    public async Task Invoke()
    {
        if (_next < filters.Length)
        {
            await filters[_next++].Invoke(this);
            return;
        }

        // The grain's own filter sees calls to the grain, not to runtime extensions attached to it.
        if (!_grainFilterDone && grain is IIncomingGrainCallFilter grainFilter && grain is IGrainBase)
        {
            _grainFilterDone = true;
            await grainFilter.Invoke(this);
            return;
        }

        Result = await request.InvokeAsync(grain);
    }
}
