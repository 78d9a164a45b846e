using Granary.Runtime;

namespace Granary.Invocation;

/// <summary>Walks the outgoing filters; the last step sends the message.</summary>
internal sealed class OutgoingCallContext(
    GrainReferenceRuntime runtime,
    GrainReference target,
    Invokable request,
    IOutgoingGrainCallFilter[] filters,
    bool oneWay) : IOutgoingGrainCallContext
{
    private int _next;

    public object Grain => target;

    public GrainId TargetId => target.GrainId;

    public GrainId? SourceId => CallContext.Current?.Grain;

    public Invokable Request => request;

    public object? Result { get; set; }

    public async Task Invoke()
    {
        if (_next < filters.Length)
        {
            await filters[_next++].Invoke(this);
            return;
        }

        if (oneWay)
        {
            runtime.SendOneWay(target.GrainId, request);
            return;
        }

        Result = await runtime.SendRequest(target.GrainId, 0, request);
    }
}
