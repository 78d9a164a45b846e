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
    private static long _next;

    public static long Next() => Interlocked.Increment(ref _next);
}
