using Granary.Messaging;
using Granary.Runtime;

namespace Granary.Invocation;

/// <summary>The request a grain turn is running, so calls it makes can extend the call chain.</summary>
internal sealed class IncomingCall(GrainId grain, long activationId, long requestId, CallChainEntry[]? chain)
{
    private CallChainEntry[]? _outgoingChain;

    public GrainId Grain { get; } = grain;

    public long ActivationId { get; } = activationId;

    public long RequestId { get; } = requestId;

    /// <summary>The chain an outgoing call from this request carries: the incoming chain plus this grain.</summary>
    public CallChainEntry[] OutgoingChain => _outgoingChain ??= [.. chain ?? [], new CallChainEntry(Grain, ActivationId, RequestId)];
}

/// <summary>Ambient state of the current grain turn.</summary>
internal static class CallContext
{
    private static readonly AsyncLocal<IncomingCall?> CurrentCall = new();

    /// <summary>The request being handled by this flow; null outside grain code.</summary>
    public static IncomingCall? Current
    {
        get => CurrentCall.Value;
        set => CurrentCall.Value = value;
    }
}
