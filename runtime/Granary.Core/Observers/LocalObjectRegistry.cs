using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Granary.Messaging;
using Granary.Runtime;
using Granary.Scheduling;

namespace Granary.Observers;

/// <summary>
/// Objects of this process made callable through grain references (observers). Calls to one object run
/// one at a time, in arrival order, like turns of an activation.
/// </summary>
internal sealed class LocalObjectRegistry
{
    /// <summary>The grain type of every observer reference.</summary>
    public static readonly GrainType ObserverType = new("sys.observer");

    private readonly ConcurrentDictionary<string, LocalObject> _byKey = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<IGrainObserver, string> _keys = new();

    public static bool IsObserver(GrainId id) => id.Type == ObserverType;

    /// <summary>
    /// Names the process hosting the objects registered from now on, as the first part of their keys
    /// (<c>silo~address</c> or <c>client~id~gateway</c>), so any silo can route a call to them.
    /// </summary>
    public string HostKey { get; set; } = "local";

    /// <summary>The host part of an observer key.</summary>
    public static string HostOf(GrainId id)
    {
        var slash = id.Key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? "" : id.Key[..slash];
    }

    public GrainId Register(IGrainObserver instance)
    {
        var key = _keys.GetValue(instance, _ => $"{HostKey}/{GrainKeys.FromGuid(Guid.NewGuid())}");
        _byKey.TryAdd(key, new LocalObject(instance, new SerialTaskScheduler()));
        return new GrainId(ObserverType, key);
    }

    public bool Unregister(IGrainObserver instance) =>
        _keys.TryGetValue(instance, out var key) && _keys.Remove(instance) && _byKey.TryRemove(key, out _);

    /// <summary>Invokes a request on a registered object and answers it; false when no such object is registered here.</summary>
    public bool TryDeliver(Message message, IMessageCenter messageCenter)
    {
        if (!_byKey.TryGetValue(message.Target.Key, out var target)) return false;
        if (message.Direction == MessageDirection.Cancel) return true;
        _ = target.Scheduler.Run(static state => InvokeAsync((Delivery)state!), new Delivery(message, target.Instance, messageCenter));
        return true;
    }

    private static async Task InvokeAsync(Delivery delivery)
    {
        Response response;
        try
        {
            response = Response.FromResult(await delivery.Message.Request.InvokeAsync(delivery.Instance));
        }
        catch (Exception exception)
        {
            response = Response.FromException(exception);
        }

        delivery.MessageCenter.SendResponse(delivery.Message, response);
    }

    private sealed record LocalObject(IGrainObserver Instance, SerialTaskScheduler Scheduler);

    private sealed record Delivery(Message Message, IGrainObserver Instance, IMessageCenter MessageCenter);
}
