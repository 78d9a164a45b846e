using Granary.Catalog;
using Granary.Observers;
using Granary.Runtime;
using Granary.Serialization;
using Microsoft.Extensions.Logging;

namespace Granary.Messaging;

/// <summary>
/// Routes messages within this silo: to activations through the catalog, to observers through the local
/// object registry. Arguments and results are copied on the way (unless immutable), so a grain never
/// shares a mutable object with its caller, exactly as if the call had crossed the network.
/// </summary>
internal sealed partial class LocalMessageCenter(
    GrainCatalog catalog,
    LocalObjectRegistry localObjects,
    CallbackTable callbacks,
    ILogger<LocalMessageCenter> logger) : IMessageCenter
{
    public void Send(Message message)
    {
        if (message.Direction is MessageDirection.Request or MessageDirection.OneWay && !TryIsolateArguments(message)) return;
        if (LocalObjectRegistry.IsObserver(message.Target))
        {
            if (!localObjects.TryDeliver(message, this) && message.Direction == MessageDirection.Request)
                callbacks.Fail(message.Id, new InvalidOperationException($"Observer {message.Target} is not registered (deleted, or its process restarted)."));
            return;
        }

        catalog.Deliver(message);
    }

    public void SendResponse(Message request, Response response)
    {
        if (request.Direction != MessageDirection.Request) return;
        if (response.Result is { } result && !Copier.IsImmutable(result.GetType()))
        {
            try
            {
                response = Response.FromResult(Copier.DeepCopy(result));
            }
            catch (Exception exception)
            {
                response = Response.FromException(exception);
            }
        }

        callbacks.Complete(request.Id, response);
    }

    private bool TryIsolateArguments(Message message)
    {
        var request = message.Request;
        if (request.ArgumentsAreImmutable) return true;
        try
        {
            for (var i = 0; i < request.ArgumentCount; i++) request.SetArgument(i, Copier.DeepCopy(request.GetArgument(i)));
            return true;
        }
        catch (Exception exception)
        {
            // An argument that cannot be serialized fails the call at the caller, before the grain sees it.
            if (message.Direction == MessageDirection.Request) callbacks.Fail(message.Id, exception);
            else LogOneWayDropped(exception, request.ToString());
            return false;
        }
    }

    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "One-way call {Method} was dropped: its arguments could not be copied")]
    private partial void LogOneWayDropped(Exception exception, string method);
}
