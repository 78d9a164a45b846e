using Granary.Runtime;

namespace Granary.Messaging;

/// <summary>Messages waiting for one directory lookup per grain, kept in arrival order.</summary>
internal sealed class RouteQueue
{
    private readonly Lock _lock = new();
    private readonly Dictionary<GrainId, List<Message>> _waiting = [];

    /// <summary>Queues a message; true when it is the first for its grain, so the caller starts the lookup.</summary>
    public bool Enqueue(Message message)
    {
        lock (_lock)
        {
            if (_waiting.TryGetValue(message.Target, out var list))
            {
                list.Add(message);
                return false;
            }

            _waiting[message.Target] = [message];
            return true;
        }
    }

    public List<Message> Drain(GrainId grainId)
    {
        lock (_lock)
        {
            _waiting.Remove(grainId, out var list);
            return list ?? [];
        }
    }
}
