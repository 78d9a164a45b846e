using System.Collections.Concurrent;
using Granary.Invocation;
using Granary.Messaging;
using Granary.Runtime;
using Granary.Scheduling;

namespace Granary.SystemTargets;

/// <summary>A runtime service other silos call, addressed as <c>sys.*/silo-address</c>; one instance per silo, no activation.</summary>
internal interface ISystemTarget : IGrain;

/// <summary>The system targets of this silo. Calls to one target run one at a time, like turns.</summary>
internal sealed class SystemTargetRegistry
{
    private readonly ConcurrentDictionary<GrainType, (object Target, SerialTaskScheduler Scheduler, Func<Invokable, bool>? AnswerOnReceipt)> _targets = new();

    public static bool IsSystemTarget(GrainId id) => id.Type.Value.StartsWith("sys.", StringComparison.Ordinal) && !Observers.LocalObjectRegistry.IsObserver(id);

    /// <summary>The address of a system target on a silo.</summary>
    public static GrainId Address(GrainType type, SiloAddress silo) => new(type, silo.ToString());

    /// <summary>The silo a system target address points at.</summary>
    public static SiloAddress SiloOf(GrainId id) => SiloAddress.Parse(id.Key);

    /// <param name="type">The target's type, the first part of its address.</param>
    /// <param name="target">The instance that handles every call to this silo's target.</param>
    /// <param name="answerOnReceipt">
    /// Requests that are answered on the thread that received them, ahead of everything queued: calls that finish at
    /// once and whose lateness misleads others (a membership probe queued behind grain work on a loaded silo reads as
    /// a dead silo).
    /// </param>
    public void Register(GrainType type, object target, Func<Invokable, bool>? answerOnReceipt = null) =>
        _targets[type] = (target, new SerialTaskScheduler(), answerOnReceipt);

    /// <summary>Runs a request on the local target and answers it; false when no such target is registered.</summary>
    public bool TryDeliver(Message message, IMessageCenter messageCenter)
    {
        if (!_targets.TryGetValue(message.Target.Type, out var target)) return false;
        if (message.Direction == MessageDirection.Cancel) return true;
        if (target.AnswerOnReceipt?.Invoke(message.Request) == true) _ = InvokeAsync(message, target.Target, messageCenter);
        else _ = target.Scheduler.Run(() => InvokeAsync(message, target.Target, messageCenter));
        return true;
    }

    private static async Task InvokeAsync(Message message, object target, IMessageCenter messageCenter)
    {
        Response response;
        try
        {
            response = Response.FromResult(await message.Request.InvokeAsync(target));
        }
        catch (Exception exception)
        {
            response = Response.FromException(exception);
        }

        messageCenter.SendResponse(message, response);
    }
}
