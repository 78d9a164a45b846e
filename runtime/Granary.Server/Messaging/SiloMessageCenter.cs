using Granary.Catalog;
using Granary.GrainDirectory;
using Granary.Membership;
using Granary.Networking;
using Granary.Observers;
using Granary.Placement;
using Granary.Runtime;
using Granary.Storage;
using Granary.SystemTargets;
using Microsoft.Extensions.Logging;

namespace Granary.Messaging;

/// <summary>
/// Routes every message of this silo: to a local activation, observer or system target, or over TCP to
/// the silo holding the grain. Locations come from the local catalog, the directory cache, a directory
/// lookup, and finally placement. Messages to one grain that wait for a lookup keep their order.
/// </summary>
internal sealed partial class SiloMessageCenter : IMessageCenter, ISiloMessageReceiver, IDisposable
{
    private const int MaxForwards = 4;
    private static readonly TimeSpan GracefulLeaveGrace = TimeSpan.FromSeconds(5);

    // A hand-off waits on the directory at most this long: the leave must go on.
    private static readonly TimeSpan HandOffCleanupBound = TimeSpan.FromMilliseconds(500);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Message, Task> _handOffs = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<SiloAddress, bool> _leaving = new();
    private readonly GrainCatalog _catalog;
    private readonly GrainClassRegistry _registry;
    private readonly LocalObjectRegistry _localObjects;
    private readonly SystemTargetRegistry _systemTargets;
    private readonly CallbackTable _callbacks;
    private readonly DistributedGrainDirectory _directory;
    private readonly PlacementService _placement;
    private readonly SiloConnections _connections;
    private readonly LocalSiloDetails _localSilo;
    private readonly IClusterMembershipView _membership;
    private readonly ILogger _logger;
    private readonly RouteQueue _pendingRoutes = new();
    private readonly IServiceProvider _services;

    // Resolved late and optional: a silo without a membership protocol has none.
    private IMembershipService? MembershipProtocol => _services.GetService(typeof(IMembershipService)) as IMembershipService;

    public SiloMessageCenter(
        GrainCatalog catalog, GrainClassRegistry registry, LocalObjectRegistry localObjects, SystemTargetRegistry systemTargets,
        CallbackTable callbacks, DistributedGrainDirectory directory, PlacementService placement, SiloConnections connections,
        LocalSiloDetails localSilo, IClusterMembershipView membership, IServiceProvider services, ILogger<SiloMessageCenter> logger)
    {
        _services = services;
        (_catalog, _registry, _localObjects, _systemTargets, _callbacks) = (catalog, registry, localObjects, systemTargets, callbacks);
        (_directory, _placement, _connections, _localSilo, _membership, _logger) = (directory, placement, connections, localSilo, membership, logger);
        membership.Changed += FailCallsToDeadSilos;
    }

    private SiloAddress Me => _localSilo.SiloAddress;

    public void Send(Message message)
    {
        if (message.Direction == MessageDirection.Response) throw new InvalidOperationException("Responses go through SendResponse.");
        Route(message);
    }

    public void SendResponse(Message request, Response response)
    {
        if (request.Direction != MessageDirection.Request) return;
        if (request.SendingSilo is null)
        {
            _callbacks.Complete(request.Id, Isolation.CopyResult(response));
            return;
        }

        var reply = new Message { Id = request.Id, Direction = MessageDirection.Response, Target = request.Sender ?? request.Target, Body = response, SendingClient = request.SendingClient };
        if (request.SendingSilo == Me)
        {
            if (request.SendingClient is { } client) _connections.TrySendToClient(client, reply);
            else _callbacks.Complete(request.Id, response);
        }
        else if (!_connections.TrySend(request.SendingSilo, reply))
        {
            LogResponseDropped(request.SendingSilo.ToString(), request.ToString());
        }
    }

    public void ReceiveFromSilo(Message message)
    {
        if (message.Direction != MessageDirection.Response)
        {
            Route(message);
            return;
        }

        if (message.SendingClient is { } client) _connections.TrySendToClient(client, message);
        else if (message.Body is Response response) _callbacks.Complete(message.Id, response);
    }

    public void ReceiveFromClient(Message message, string clientId)
    {
        if (message.Direction == MessageDirection.Response)
        {
            // A client answering a call to one of its observers: the answer goes to the silo that asked.
            if (message.TargetSilo is { } asker && asker != Me) _connections.TrySend(asker, message);
            else if (message.Body is Response response) _callbacks.Complete(message.Id, response);
            return;
        }

        message.SendingSilo = Me;
        message.SendingClient = clientId;
        message.TargetSilo = null;
        Route(message);
    }

    public void OnUndelivered(Message message, Exception reason)
    {
        if (message.Direction == MessageDirection.Response)
        {
            LogResponseUndelivered(reason, message.ToString());
            return;
        }

        _directory.Invalidate(message.Target);
        // Never written to the wire, so re-routing cannot run it twice. The silo may have just left: re-read
        // membership first, so the retry goes where the grain lives now rather than to the same silo.
        if (reason is SiloUnavailableException && message.ForwardCount < MaxForwards && message.TargetSilo is not null)
        {
            message.TargetSilo = null;
            message.ForwardCount++;
            _ = RerouteAfterRefreshAsync(message);
            return;
        }

        Fail(message, reason);
    }

    private async Task RerouteAfterRefreshAsync(Message message)
    {
        if (MembershipProtocol is { } membership)
        {
            try
            {
                using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await membership.RefreshAsync(bound.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or StorageUnavailableException or InvalidOperationException)
            {
                // Route with the view we have; the retry budget still bounds the attempts.
            }
        }

        Route(message);
    }

    public void Dispose() => _membership.Changed -= FailCallsToDeadSilos;

    private void Route(Message message)
    {
        if (message.ForwardCount > MaxForwards)
        {
            Fail(message, new InvalidOperationException($"{message} was forwarded {message.ForwardCount} times without finding its grain."));
            return;
        }

        var target = message.Target;
        if (LocalObjectRegistry.IsObserver(target))
        {
            RouteToObserver(message);
            return;
        }

        if (SystemTargetRegistry.IsSystemTarget(target))
        {
            RouteToSystemTarget(message);
            return;
        }

        if (message.TargetSilo is { } chosen)
        {
            if (chosen == Me) DeliverLocally(message);
            else SendTo(chosen, message);
            return;
        }

        if (!_registry.TryGetClass(target.Type, out var grainClass))
        {
            Fail(message, new InvalidOperationException($"No grain class has grain type '{target.Type}'."));
            return;
        }

        if (_catalog.IsStopping && !_catalog.HasActivation(target))
        {
            HandOffWhileLeaving(message);
            return;
        }

        if (grainClass.IsStatelessWorker || _catalog.HasActivation(target))
        {
            DeliverLocally(message);
            return;
        }

        if (_directory.TryGetCached(target, out var cached))
        {
            message.TargetSilo = cached.SiloAddress;
            Route(message);
            return;
        }

        if (message.Direction == MessageDirection.Cancel) return;
        if (_pendingRoutes.Enqueue(message)) _ = ResolveAsync(target, grainClass);
    }

    private async Task ResolveAsync(GrainId target, GrainClassInfo grainClass)
    {
        SiloAddress? silo = null;
        Exception? failure = null;
        try
        {
            var found = await _directory.LookupAsync(target);
            silo = found?.SiloAddress ?? _placement.Place(grainClass, target);
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        foreach (var message in _pendingRoutes.Drain(target))
        {
            if (failure is not null)
            {
                Fail(message, failure);
                continue;
            }

            message.TargetSilo = silo;
            Route(message);
        }
    }

    /// <summary>Completes when every hand-off begun so far has sent its message on.</summary>
    public Task HandOffsSettledAsync() => Task.WhenAll(_handOffs.Values);

    private void HandOffWhileLeaving(Message message)
    {
        var handOff = HandOffWhileLeavingAsync(message);
        _handOffs[message] = handOff;
        _ = handOff.ContinueWith(_ => _handOffs.TryRemove(message, out var _), TaskScheduler.Default);
    }

    /// <summary>
    /// This silo is leaving and activates nothing, so another active silo takes the message (the sender when it
    /// can); that silo's directory registration, first writer wins, finds the grain's one activation or makes it.
    /// </summary>
    private async Task HandOffWhileLeavingAsync(Message message)
    {
        // An entry naming this silo can outlive its activation (a re-registration racing the unregistration) and
        // would win the new silo's registration, sending the message straight back: clear it first. Once peers were
        // told to go away their answers cannot arrive, but the stop waited for hand-offs before telling them.
        if (!_connections.IsDraining)
        {
            try
            {
                _directory.Invalidate(message.Target);
                await ClearOwnEntryAsync(message.Target).WaitAsync(HandOffCleanupBound);
            }
            catch (Exception exception) when (exception is SiloUnavailableException or TimeoutException or InvalidOperationException)
            {
                // The directory owner is gone or slow: hand off anyway; the bounded forward count stops a loop.
            }
        }

        var others = _membership.Current.ActiveSilos.Where(s => s != Me).ToArray();
        if (others.Length == 0)
        {
            Fail(message, new SiloUnavailableException($"Silo {Me} is shutting down and no other silo is active to take {message.Target}."));
            return;
        }

        var target = message.SendingSilo is { } sender && others.Contains(sender) ? sender : others[Random.Shared.Next(others.Length)];
        message.TargetSilo = target;
        message.ForwardCount++;
        SendTo(target, message);
    }

    private async Task ClearOwnEntryAsync(GrainId grainId)
    {
        if (await _directory.LookupAsync(grainId) is { } stale && stale.SiloAddress == Me) await _directory.UnregisterAsync(stale);
    }

    private void DeliverLocally(Message message)
    {
        if (message.SendingSilo is null && message.SendingClient is null && !Isolation.TryIsolateArguments(message, _callbacks, _logger)) return;
        _catalog.Deliver(message);
    }

    private void SendTo(SiloAddress silo, Message message)
    {
        message.SendingSilo ??= Me;
        if (!_connections.TrySend(silo, message)) OnUndelivered(message, new SiloUnavailableException($"Silo {silo} cannot be reached."));
    }

    private void RouteToObserver(Message message)
    {
        if (_localObjects.TryDeliver(message, this)) return;
        var host = LocalObjectRegistry.HostOf(message.Target).Split('~');
        try
        {
            if (host is ["silo", var silo] && SiloAddress.Parse(silo) is var owner && owner != Me)
            {
                SendTo(owner, message);
                return;
            }

            if (host is ["client", var client, var gateway])
            {
                var gatewaySilo = SiloAddress.Parse(gateway);
                if (gatewaySilo != Me)
                {
                    SendTo(gatewaySilo, message);
                    return;
                }

                message.SendingSilo ??= Me;
                if (!_connections.TrySendToClient(client, message)) Fail(message, new SiloUnavailableException($"Client {client} is not connected to this gateway."));
                return;
            }
        }
        catch (FormatException)
        {
            // Fall through: an observer key this silo cannot route.
        }

        Fail(message, new InvalidOperationException($"Observer {message.Target} is not registered (deleted, or its process restarted)."));
    }

    private void RouteToSystemTarget(Message message)
    {
        SiloAddress silo;
        try
        {
            silo = SystemTargetRegistry.SiloOf(message.Target);
        }
        catch (FormatException exception)
        {
            Fail(message, exception);
            return;
        }

        // Recording the silo lets its death fail this call at once instead of at the response timeout.
        message.TargetSilo = silo;
        if (silo != Me) SendTo(silo, message);
        else if (!_systemTargets.TryDeliver(message, this)) Fail(message, new InvalidOperationException($"No system target {message.Target.Type} on {Me}."));
    }

    private void Fail(Message message, Exception reason)
    {
        if (message.Direction == MessageDirection.Request) SendResponse(message, Response.FromException(reason));
        else if (message.Direction == MessageDirection.OneWay) LogOneWayDropped(reason, message.ToString());
    }

    private void FailCallsToDeadSilos(ClusterMembershipSnapshot snapshot)
    {
        foreach (var (silo, status) in snapshot.Silos)
        {
            if (status == SiloStatus.ShuttingDown || _connections.HasDeparted(silo)) _leaving.TryAdd(silo, true);
        }

        var crashed = snapshot.Silos.Where(s => s.Value == SiloStatus.Dead && !_leaving.ContainsKey(s.Key)).Select(s => s.Key).ToHashSet();
        var left = snapshot.Silos.Where(s => s.Value == SiloStatus.Dead && _leaving.TryRemove(s.Key, out _)).Select(s => s.Key).ToHashSet();
        FailCallsTo(crashed);
        // A silo that left gracefully forwarded what it still held; give those calls time to be answered from their new home.
        if (left.Count > 0) _ = Task.Delay(GracefulLeaveGrace).ContinueWith(_ => FailCallsTo(left), TaskScheduler.Default);
    }

    private void FailCallsTo(HashSet<SiloAddress> silos)
    {
        if (silos.Count == 0) return;
        _callbacks.FailWhere(
            request => request.TargetSilo is { } silo && silos.Contains(silo),
            request => new SiloUnavailableException($"Silo {request.TargetSilo} died before answering {request.Body}; the call may or may not have run."));
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "Dropped the response to {Request}: silo {Silo} cannot be reached")]
    private partial void LogResponseDropped(string silo, string request);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "A response could not be sent: {Response}")]
    private partial void LogResponseUndelivered(Exception exception, string response);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Dropped one-way message {Message}")]
    private partial void LogOneWayDropped(Exception exception, string message);
}
