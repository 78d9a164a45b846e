using System.Collections.Concurrent;
using Granary.Catalog;
using Granary.Configuration;
using Granary.Membership;
using Granary.Messaging;
using Granary.Runtime;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Granary.Networking;

/// <summary>
/// This silo's connections: one outgoing connection per remote silo (created on first send, dropped
/// when it fails or the silo dies), incoming connections from silos, and connections of clients using
/// this silo as their gateway.
/// </summary>
internal sealed partial class SiloConnections : IDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(3);
    private readonly ConcurrentDictionary<SiloAddress, Connection> _outgoing = new();
    private readonly ConcurrentDictionary<string, Connection> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Connection, bool> _incoming = new();
    private readonly DepartedSilos _departed;
    private readonly EndpointOptions _endpoints;
    private readonly ClusterOptions _cluster;
    private readonly LocalSiloDetails _localSilo;
    private readonly IServiceProvider _services;
    private readonly IClusterMembershipView _membership;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly SocketConnectionContextFactory _contextFactory;
    private ISiloMessageReceiver? _receiver;

    public SiloConnections(
        IOptions<EndpointOptions> endpoints,
        IOptions<ClusterOptions> cluster,
        LocalSiloDetails localSilo,
        IClusterMembershipView membership,
        DepartedSilos departed,
        IServiceProvider services,
        ILoggerFactory loggerFactory)
    {
        // Silos that said they are leaving get no new connection: what would go there is routed elsewhere.
        _departed = departed;
        _endpoints = endpoints.Value;
        _cluster = cluster.Value;
        _localSilo = localSilo;
        _membership = membership;
        _services = services;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<SiloConnections>();
        _contextFactory = new SocketConnectionContextFactory(new SocketConnectionFactoryOptions(), _logger);
        membership.Changed += CloseDeadSilos;
    }

    private ISiloMessageReceiver Receiver => _receiver ??= _services.GetRequiredService<ISiloMessageReceiver>();

    private Runtime.IGrainReferenceFactory References => _services.GetRequiredService<Runtime.IGrainReferenceFactory>();

    /// <summary>Queues a message for a silo, connecting first if needed; false when it cannot be queued.</summary>
    public bool TrySend(SiloAddress silo, Message message)
    {
        if (_membership.Current.GetStatus(silo) == SiloStatus.Dead || _departed.Contains(silo)) return false;
        var connection = _outgoing.GetOrAdd(silo, Connect);
        if (connection.TrySend(message)) return true;
        _outgoing.TryRemove(new KeyValuePair<SiloAddress, Connection>(silo, connection));
        return false;
    }

    /// <summary>True once this silo told its peers to go away: they send it nothing more, answers included.</summary>
    public bool IsDraining { get; private set; }

    /// <summary>True when <paramref name="silo"/> said goodbye on its connection: it left, it did not crash.</summary>
    public bool HasDeparted(SiloAddress silo) => _departed.Contains(silo);

    /// <summary>Queues a message for a client connected to this gateway; false when it is not connected here.</summary>
    public bool TrySendToClient(string clientId, Message message) =>
        _clients.TryGetValue(clientId, out var connection) && connection.TrySend(message);

    public void AcceptIncoming(ConnectionContext context, Hello hello)
    {
        var peer = hello.Kind == PeerKind.Client ? $"client {hello.ClientId}" : $"silo {hello.Silo}";
        var connection = new Connection(peer, _endpoints.MaxFrameBytes, References, _loggerFactory.CreateLogger<Connection>());
        connection.OnUndelivered(Receiver.OnUndelivered);
        if (hello.Kind == PeerKind.Client)
        {
            var clientId = hello.ClientId!;
            if (_clients.TryGetValue(clientId, out var previous)) previous.Close();
            _clients[clientId] = connection;
            connection.Start(context, (message, _) => Receiver.ReceiveFromClient(message, clientId));
            _ = connection.Closed.ContinueWith(_ => _clients.TryRemove(new KeyValuePair<string, Connection>(clientId, connection)), TaskScheduler.Default);
            return;
        }

        _incoming[connection] = true;
        connection.Start(context, (message, _) => Receiver.ReceiveFromSilo(message));
        _ = connection.Closed.ContinueWith(_ => _incoming.TryRemove(connection, out bool _), TaskScheduler.Default);
    }

    /// <summary>The grain interface map clients need to create references: interface wire name to grain type.</summary>
    public Dictionary<string, string> GrainTypeManifest() => _services.GetRequiredService<GrainClassRegistry>().InterfaceManifest();

    /// <summary>
    /// The leaving silo's last words: every silo and client connected here is told to go away and closes its side
    /// once it has written what it had queued, which this silo still reads and routes; then this silo's own
    /// connections write out what they hold, forwards of those last messages included. Bounded by
    /// <paramref name="cancellationToken"/>.
    /// </summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        // Hand-offs begun before this point may still wait on answers from peers: let them finish first.
        IsDraining = true;
        await Receiver.HandOffsSettledAsync().WaitAsync(cancellationToken);
        await Task.WhenAll(_incoming.Keys.Concat(_clients.Values).Select(c => c.GoAwayAsync(cancellationToken)));
        await Task.WhenAll(_outgoing.Values.Select(c => c.CloseGracefullyAsync(cancellationToken)));
    }

    public void CloseAll()
    {
        foreach (var connection in _outgoing.Values.Concat(_clients.Values).Concat(_incoming.Keys)) connection.Close();
        _outgoing.Clear();
        _clients.Clear();
        _incoming.Clear();
    }

    public void Dispose()
    {
        _membership.Changed -= CloseDeadSilos;
        CloseAll();
    }

    private Connection Connect(SiloAddress silo)
    {
        var connection = new Connection($"silo {silo}", _endpoints.MaxFrameBytes, References, _loggerFactory.CreateLogger<Connection>());
        connection.OnUndelivered(Receiver.OnUndelivered);
        connection.OnGoAway(_ => OnDeparted(silo));
        _ = Task.Run(() => EstablishAsync(silo, connection));
        _ = connection.Closed.ContinueWith(_ => OnOutgoingClosed(silo, connection), TaskScheduler.Default);
        return connection;
    }

    private async Task EstablishAsync(SiloAddress silo, Connection connection)
    {
        try
        {
            using var timeout = new CancellationTokenSource(ConnectTimeout);
            var hello = new Hello(_cluster.ClusterId, Handshake.ProtocolVersion, PeerKind.Silo, _localSilo.SiloAddress, null);
            var (context, welcome) = await Handshake.ConnectAsync(_contextFactory, silo.Host, silo.Port, hello, timeout.Token);
            if (!welcome.Accepted || welcome.Silo != silo)
            {
                context.Abort();
                throw new SiloUnavailableException(welcome.Accepted
                    ? $"{silo.Host}:{silo.Port} is now {welcome.Silo}; {silo} is gone."
                    : $"Silo {silo} refused the connection: {welcome.Reason}.");
            }

            connection.Start(context, (message, _) => Receiver.ReceiveFromSilo(message));
        }
        catch (Exception exception)
        {
            LogConnectFailed(exception, silo.ToString());
            connection.Close(exception);
        }
    }

    /// <summary>
    /// A silo that says goodbye wrote ShuttingDown to the table before: read it now, so the directory ring and
    /// placement stop choosing a silo that can no longer be reached.
    /// </summary>
    private void OnDeparted(SiloAddress silo)
    {
        _departed.Add(silo);
        if (_services.GetService<IMembershipService>() is { } membership) _ = RefreshQuietlyAsync(membership);
    }

    private static async Task RefreshQuietlyAsync(IMembershipService membership)
    {
        try
        {
            await membership.RefreshAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is Storage.StorageUnavailableException or InvalidOperationException or OperationCanceledException)
        {
            // The periodic refresh catches up.
        }
    }

    private void OnOutgoingClosed(SiloAddress silo, Connection connection)
    {
        if (!_outgoing.TryRemove(new KeyValuePair<SiloAddress, Connection>(silo, connection))) return;
        if (_membership.Current.IsAlive(silo)) _services.GetService<IMembershipService>()?.OnConnectionFailed(silo);
    }

    private void CloseDeadSilos(ClusterMembershipSnapshot snapshot)
    {
        foreach (var (silo, connection) in _outgoing)
        {
            if (snapshot.GetStatus(silo) != SiloStatus.Dead) continue;
            _outgoing.TryRemove(new KeyValuePair<SiloAddress, Connection>(silo, connection));
            connection.Close();
        }

        _departed.ForgetUnlisted(snapshot);
    }

    [LoggerMessage(EventId = 5200, Level = LogLevel.Debug, Message = "Connecting to silo {Silo} failed")]
    private partial void LogConnectFailed(Exception exception, string silo);
}

/// <summary>What the silo does with messages its connections read or could not write.</summary>
internal interface ISiloMessageReceiver
{
    void ReceiveFromSilo(Message message);

    void ReceiveFromClient(Message message, string clientId);

    void OnUndelivered(Message message, Exception reason);

    /// <summary>Completes when messages this leaving silo is handing to others have been sent on.</summary>
    Task HandOffsSettledAsync();
}
