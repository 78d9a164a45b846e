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
        IServiceProvider services,
        ILoggerFactory loggerFactory)
    {
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
        if (_membership.Current.GetStatus(silo) == SiloStatus.Dead) return false;
        var connection = _outgoing.GetOrAdd(silo, Connect);
        if (connection.TrySend(message)) return true;
        _outgoing.TryRemove(new KeyValuePair<SiloAddress, Connection>(silo, connection));
        return false;
    }

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
}
