using Granary.Invocation;
using Granary.Runtime;

namespace Granary.Messaging;

/// <summary>What a message is for.</summary>
internal enum MessageDirection : byte
{
    Request,
    OneWay,
    Response,
    Cancel,

    /// <summary>
    /// Connection control, never routed: the peer is leaving and reads nothing beyond what this connection already
    /// carries, so the receiver sends what it has queued, closes its side, and routes later messages elsewhere.
    /// </summary>
    GoAway,
}

/// <summary>One grain waiting in a call chain: which activation, running which request.</summary>
internal readonly record struct CallChainEntry(GrainId Grain, long ActivationId, long RequestId);

/// <summary>
/// A request, response or control message between grains. Headers travel with the body so that a
/// remote transport can carry the same object; the in-process path passes it by reference.
/// </summary>
internal sealed class Message
{
    public required long Id { get; init; }

    public required MessageDirection Direction { get; init; }

    public required GrainId Target { get; init; }

    /// <summary>A specific activation (stateless workers, enumerations), or 0 for whichever is active.</summary>
    public long TargetActivation { get; init; }

    public GrainId? Sender { get; init; }

    /// <summary>The silo chosen to handle the message, once routing decided; null while undecided.</summary>
    public SiloAddress? TargetSilo { get; set; }

    /// <summary>The silo that sent a request, so its response finds the way back; null for local requests.</summary>
    public SiloAddress? SendingSilo { get; set; }

    /// <summary>The client (connected to a gateway) that sent a request; null otherwise.</summary>
    public string? SendingClient { get; set; }

    /// <summary>How often the message was forwarded between silos; bounded to stop routing loops.</summary>
    public int ForwardCount { get; set; }

    /// <summary>An <see cref="Invokable"/> for requests, a <see cref="Response"/> for responses.</summary>
    public object? Body { get; set; }

    public Dictionary<string, object?>? RequestContext { get; init; }

    /// <summary>Grains waiting on this call, outermost first; used to detect and allow re-entry.</summary>
    public CallChainEntry[]? CallChain { get; init; }

    public bool AllowCallChainReentrancy { get; init; }

    /// <summary>For <see cref="MessageDirection.Cancel"/>: the request to cancel.</summary>
    public long CancelledRequestId { get; init; }

    public Invokable Request => (Invokable)Body!;

    public InvokeMethodOptions Options => Body is Invokable invokable ? invokable.Options : InvokeMethodOptions.None;

    public bool IsOneWay => Direction == MessageDirection.OneWay;

    public override string ToString() => $"{Direction} #{Id} to {Target}: {Body}";
}

/// <summary>The outcome of a request.</summary>
internal sealed class Response
{
    public static readonly Response Completed = new(null, null);

    private Response(object? result, Exception? exception)
    {
        Result = result;
        Exception = exception;
    }

    public object? Result { get; }

    public Exception? Exception { get; }

    public static Response FromResult(object? result) => result is null ? Completed : new Response(result, null);

    public static Response FromException(Exception exception) => new(null, exception);
}
