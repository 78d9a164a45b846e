using Granary.Serialization;
using Microsoft.Extensions.Logging;

namespace Granary.Messaging;

/// <summary>
/// Copies for calls that stay in the silo, so a grain never shares a mutable object with its caller,
/// exactly as if the call had crossed the network. Immutable values pass by reference.
/// </summary>
internal static class Isolation
{
    public static bool TryIsolateArguments(Message message, CallbackTable callbacks, ILogger logger)
    {
        if (message.Body is not Invocation.Invokable request || request.ArgumentsAreImmutable) return true;
        try
        {
            for (var i = 0; i < request.ArgumentCount; i++) request.SetArgument(i, Copier.DeepCopy(request.GetArgument(i)));
            return true;
        }
        catch (Exception exception)
        {
            // An argument that cannot be serialized fails the call at the caller, before the grain sees it.
            if (message.Direction == MessageDirection.Request) callbacks.Fail(message.Id, exception);
            else logger.LogWarning(exception, "One-way call {Method} was dropped: its arguments could not be copied", request);
            return false;
        }
    }

    public static Response CopyResult(Response response)
    {
        if (response.Result is not { } result || Copier.IsImmutable(result.GetType())) return response;
        try
        {
            return Response.FromResult(Copier.DeepCopy(result));
        }
        catch (Exception exception)
        {
            return Response.FromException(exception);
        }
    }
}
