namespace Granary.Messaging;

/// <summary>Delivers messages to their targets: activations in this process or, through a transport, elsewhere.</summary>
internal interface IMessageCenter
{
    /// <summary>Delivers a request, one-way request or cancellation. Never throws for delivery failures: it answers the caller instead.</summary>
    void Send(Message message);

    /// <summary>Answers a request; does nothing for one-way requests.</summary>
    void SendResponse(Message request, Response response);
}

/// <summary>Issues process-unique ids for messages, activations and timer turns.</summary>
internal static class Ids
{
    // A random start keeps ids of different processes apart, so call chains that cross silos never confuse
    // one silo's activation or request with another's.
    private static long _next = Random.Shared.NextInt64(1L << 40, 1L << 62);

    public static long Next() => Interlocked.Increment(ref _next);
}
