using System.Collections.Concurrent;
using Granary.Messaging;
using Granary.Runtime;

namespace Granary.Catalog;

/// <summary>
/// The activations of this silo. Delivers each message to the one activation of its grain, creating it
/// on first use; concurrent first calls race on one dictionary slot, so exactly one activation wins.
/// </summary>
internal sealed class GrainCatalog(GrainClassRegistry registry, ActivationShared shared)
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private readonly ConcurrentDictionary<GrainId, StatelessWorkerGroup> _workers = new();
    private readonly ConcurrentDictionary<long, ActivationData> _byActivationId = new();
    private volatile bool _stopping;

    /// <summary>True once the silo began deactivating everything to leave: it activates nothing more.</summary>
    public bool IsStopping => _stopping;

    public int Count => _byActivationId.Count;

    public IEnumerable<ActivationData> Activations => _byActivationId.Values;

    public bool HasActivation(GrainId grainId) => _activations.ContainsKey(grainId);

    /// <summary>
    /// The directory address of this silo's activation of the grain, if it holds one that won its registration; a
    /// deactivating one still holds the grain (its OnDeactivateAsync may still write state) until it unregisters.
    /// </summary>
    public GrainDirectory.GrainAddress? RegisteredAddressOf(GrainId grainId) =>
        _activations.TryGetValue(grainId, out var activation) && activation.State != ActivationState.Invalid ? activation.RegisteredAddress : null;

    public void Deliver(Message message)
    {
        if (message.TargetActivation != 0)
        {
            DeliverToActivation(message);
            return;
        }

        GrainClassInfo grainClass;
        try
        {
            grainClass = registry.GetClass(message.Target.Type);
        }
        catch (InvalidOperationException exception)
        {
            shared.MessageCenter.SendResponse(message, Response.FromException(exception));
            return;
        }

        if (grainClass.IsStatelessWorker)
        {
            if (message.Direction == MessageDirection.Cancel) _workers.GetValueOrDefault(message.Target)?.Broadcast(message);
            else _workers.GetOrAdd(message.Target, static (id, state) => new StatelessWorkerGroup(id, state.grainClass, state.catalog), (grainClass, catalog: this)).Deliver(message);
            return;
        }

        // A cancellation must never create an activation.
        if (message.Direction == MessageDirection.Cancel)
        {
            if (_activations.TryGetValue(message.Target, out var existing)) existing.Receive(message);
            return;
        }

        while (true)
        {
            if (_stopping)
            {
                // An activation still deactivating takes the message and forwards it once it unregistered; with none
                // left, the message center hands the grain's messages to a silo that stays.
                if (_activations.TryGetValue(message.Target, out var draining) && draining.Receive(message)) return;
                message.TargetSilo = null;
                shared.MessageCenter.Send(message);
                return;
            }

            var activation = _activations.GetOrAdd(message.Target, static (id, state) => state.catalog.Create(id, state.grainClass), (grainClass, catalog: this));
            if (activation.Receive(message)) return;
            // It deactivated between lookup and delivery: drop the stale entry and try a fresh activation.
            _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(message.Target, activation));
        }
    }

    public ActivationData Create(GrainId grainId, GrainClassInfo grainClass)
    {
        var activation = new ActivationData(grainId, grainClass, shared);
        _byActivationId[activation.ActivationId] = activation;
        return activation;
    }

    /// <summary>
    /// Creates the activation of a grain another silo moved here and starts it with the values it carried; completes
    /// true once it holds the grain's directory entry. False when this silo already has an activation of the grain
    /// (a call got here first) or is leaving: the old silo then lets the grain activate anew.
    /// </summary>
    public Task<bool> TryAcceptMigrated(GrainDirectory.GrainAddress previous, GrainClassInfo grainClass, MigrationContext context)
    {
        if (_stopping || grainClass.IsStatelessWorker) return Task.FromResult(false);
        var grainId = previous.GrainId;
        var activation = Create(grainId, grainClass);
        if (_activations.TryAdd(grainId, activation)) return activation.StartRehydrated(previous, context);
        _byActivationId.TryRemove(activation.ActivationId, out _);
        return Task.FromResult(false);
    }

    /// <summary>Forgets an activation that became invalid.</summary>
    public void OnActivationGone(ActivationData activation)
    {
        _byActivationId.TryRemove(activation.ActivationId, out _);
        _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation));
        if (activation.GrainClass.IsStatelessWorker && _workers.TryGetValue(activation.GrainId, out var group)) group.Remove(activation);
    }

    /// <summary>Deactivates every activation and waits for them; new activations are refused from now on.</summary>
    public async Task DeactivateAllAsync(DeactivationReason reason)
    {
        _stopping = true;
        var all = _byActivationId.Values.ToArray();
        foreach (var activation in all) activation.Deactivate(reason);
        await Task.WhenAll(all.Select(a => a.Deactivated));
    }

    /// <summary>Drops every activation at once and refuses new ones: this silo was declared dead (see <see cref="ActivationData.Drop"/>).</summary>
    public void DropAll()
    {
        _stopping = true;
        foreach (var activation in _byActivationId.Values.ToArray()) activation.Drop();
    }

    private void DeliverToActivation(Message message)
    {
        if (_byActivationId.TryGetValue(message.TargetActivation, out var activation) && activation.Receive(message)) return;
        if (message.Direction == MessageDirection.Cancel) return;
        shared.MessageCenter.SendResponse(message, Response.FromException(
            new InvalidOperationException($"Activation #{message.TargetActivation} of {message.Target} no longer exists.")));
    }
}
