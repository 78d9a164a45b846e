using System.Collections.Concurrent;

namespace Granary.Streaming.Agents;

/// <summary>
/// The rewinds of one partition agent. A request is pending from the moment a subscriber asks (before its
/// subscription is stored) until the agent applies it between batches; then it is active until the agent
/// has re-read up to the live end, the first position not yet delivered to everyone, and joining until a
/// batch finds the subscription in the registry, so live events reach it even before it is stored.
/// </summary>
internal sealed class RewindState
{
    private readonly ConcurrentDictionary<Guid, RewindRequest> _pending = new();
    private readonly ConcurrentDictionary<Guid, RewindRequest> _joining = new();
    private readonly List<RewindRequest> _active = [];

    public long LiveEnd { get; private set; }

    public IReadOnlyList<RewindRequest> Active => _active;

    public bool HasPending => !_pending.IsEmpty;

    public ICollection<RewindRequest> Joining => _joining.Values;

    /// <summary>The registry (or the implicit subscriptions) lists the subscription: live delivery covers it from now on.</summary>
    public void Confirm(Guid subscriptionId) => _joining.TryRemove(subscriptionId, out _);

    /// <summary>Forgets a subscription whose registration failed.</summary>
    public void Cancel(Guid subscriptionId)
    {
        _pending.TryRemove(subscriptionId, out _);
        _joining.TryRemove(subscriptionId, out _);
    }

    public bool IsPending(Guid subscriptionId) => _pending.ContainsKey(subscriptionId);

    public void Request(RewindRequest request) => _pending[request.SubscriptionId] = request;

    public void Start(long position) => LiveEnd = position;

    /// <summary>Activates the pending requests; returns the position to read from next.</summary>
    public long Apply(long next, Action<RewindRequest, long> onRewind)
    {
        foreach (var (id, request) in _pending)
        {
            if (!_pending.TryRemove(new KeyValuePair<Guid, RewindRequest>(id, request))) continue;
            _joining[id] = request;
            // At or after the live end, live delivery covers the subscription.
            if (request.From >= LiveEnd) continue;
            _active.RemoveAll(r => r.SubscriptionId == request.SubscriptionId);
            _active.Add(request);
            if (request.From < next)
            {
                onRewind(request, next);
                next = request.From;
            }
        }

        return next;
    }

    /// <summary>Records that everything before <paramref name="next"/> was delivered; past the live end the rewinds are done.</summary>
    public void Advance(long next)
    {
        if (next < LiveEnd) return;
        LiveEnd = next;
        _active.Clear();
    }
}
