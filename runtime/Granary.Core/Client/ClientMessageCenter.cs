using System.Net.Sockets;
using System.Threading.Channels;
using Granary.Configuration;
using Granary.Messaging;
using Granary.Networking;
using Granary.Observers;
using Granary.Runtime;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Granary.Client;

/// <summary>
/// An external client's messaging: every message goes through one gateway connection. When the gateway
/// dies the client fails the calls that gateway may have run, re-sends those it never wrote, and fails
/// over to another gateway.
/// </summary>
internal sealed partial class ClientMessageCenter : IMessageCenter, IHostedService, IAsyncDisposable
{
    private readonly IGatewayListProvider _gateways;
    private readonly ClientOptions _options;
    private readonly CallbackTable _callbacks;
    private readonly LocalObjectRegistry _localObjects;
    private readonly ClientGrainTypeResolver _grainTypes;
    private readonly IServiceProvider _services;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly SocketConnectionContextFactory _contextFactory;
    private readonly Channel<Message> _unsent = Channel.CreateBounded<Message>(Connection.OutboundCapacity);
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private volatile Connection? _connection;
    private SiloAddress? _gateway;

    public ClientMessageCenter(
        IGatewayListProvider gateways, IOptions<ClientOptions> options, CallbackTable callbacks, LocalObjectRegistry localObjects,
        ClientGrainTypeResolver grainTypes, IServiceProvider services, ILoggerFactory loggerFactory)
    {
        (_gateways, _options, _callbacks, _localObjects, _grainTypes, _services) = (gateways, options.Value, callbacks, localObjects, grainTypes, services);
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<ClientMessageCenter>();
        _contextFactory = new SocketConnectionContextFactory(new SocketConnectionFactoryOptions(), _logger);
    }

    public string ClientId { get; } = Guid.NewGuid().ToString("N");

    public bool IsConnected => _connection is { IsClosed: false };

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        RuntimeCodecs.EnsureRegistered();
        await ConnectAsync(cancellationToken);
        _ = Task.Run(ResendLoopAsync, CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        _connection?.Close();
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    public void Send(Message message)
    {
        var connection = _connection;
        // Requests remember their gateway, so its loss fails exactly the calls it may have run; responses keep their asker.
        if (message.Direction != MessageDirection.Response) message.TargetSilo = _gateway;
        if (connection is null || !connection.TrySend(message)) OnUndelivered(message, new SiloUnavailableException("No gateway connection."));
    }

    public void SendResponse(Message request, Response response)
    {
        if (request.Direction != MessageDirection.Request) return;
        Send(new Message { Id = request.Id, Direction = MessageDirection.Response, Target = request.Sender ?? request.Target, Body = response, TargetSilo = request.SendingSilo });
    }

    private void OnMessage(Message message, Connection connection)
    {
        if (message.Direction == MessageDirection.Response)
        {
            if (message.Body is Response response) _callbacks.Complete(message.Id, response);
            return;
        }

        if (!_localObjects.TryDeliver(message, this) && message.Direction == MessageDirection.Request)
            SendResponse(message, Response.FromException(new InvalidOperationException($"Observer {message.Target} is not registered on this client.")));
    }

    // Never written to the wire, so re-sending after a reconnect cannot run it twice.
    private void OnUndelivered(Message message, Exception reason)
    {
        if (_stopping.IsCancellationRequested || !_unsent.Writer.TryWrite(message))
        {
            if (message.Direction == MessageDirection.Request) _callbacks.Fail(message.Id, reason);
            return;
        }

        _ = ReconnectAsync();
    }

    private async Task ResendLoopAsync()
    {
        try
        {
            while (await _unsent.Reader.WaitToReadAsync(_stopping.Token))
            {
                await ConnectAsync(_stopping.Token);
                while (_connection is { IsClosed: false } && _unsent.Reader.TryRead(out var message)) Send(message);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task ReconnectAsync()
    {
        try
        {
            await ConnectAsync(_stopping.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or SiloUnavailableException)
        {
            // The resend loop keeps trying while messages wait.
        }
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        if (IsConnected) return;
        await _connectLock.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 0; !IsConnected; attempt++)
            {
                var gateways = await _gateways.GetGatewaysAsync(cancellationToken);
                if (gateways.Count == 0) throw new SiloUnavailableException("No gateway is known: configure Granary:Client:Gateways or a membership table.");
                foreach (var gateway in gateways.OrderBy(_ => Random.Shared.Next()))
                {
                    if (await TryConnectAsync(gateway, cancellationToken)) return;
                }

                if (attempt >= 5) throw new SiloUnavailableException($"No gateway of {string.Join(", ", gateways)} accepted a connection.");
                await Task.Delay(TimeSpan.FromMilliseconds(200 * (attempt + 1)), cancellationToken);
            }
        }
        finally
        {
            _connectLock.Release();
        }
    }

    private async Task<bool> TryConnectAsync(GatewayEndpoint gateway, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.ConnectTimeout);
            var hello = new Hello(_options.ClusterId, Handshake.ProtocolVersion, PeerKind.Client, null, ClientId);
            var (context, welcome) = await Handshake.ConnectAsync(_contextFactory, gateway.Host, gateway.Port, hello, timeout.Token);
            if (!welcome.Accepted || welcome.Silo is null)
            {
                LogRefused(gateway.ToString(), welcome.Reason ?? "no reason");
                context.Abort();
                return false;
            }

            _grainTypes.Update(welcome.GrainTypes);
            var references = _services.GetRequiredService<IGrainReferenceFactory>();
            var connection = new Connection($"gateway {welcome.Silo}", _options.MaxFrameBytes, references, _loggerFactory.CreateLogger<Connection>());
            connection.OnUndelivered(OnUndelivered);
            // The gateway is leaving: later calls go through another one while this connection writes out its queue.
            connection.OnGoAway(c => Interlocked.CompareExchange(ref _connection, null, c));
            _gateway = welcome.Silo;
            _localObjects.HostKey = $"client~{ClientId}~{welcome.Silo}";
            _ = connection.Closed.ContinueWith(_ => OnGatewayLost(connection, welcome.Silo), TaskScheduler.Default);
            connection.Start(context, OnMessage);
            _connection = connection;
            LogConnected(welcome.Silo.ToString());
            return true;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or IOException or ProtocolViolationException or Serialization.WireFormatException)
        {
            if (cancellationToken.IsCancellationRequested) throw;
            LogConnectFailed(exception, gateway.ToString());
            return false;
        }
    }

    private void OnGatewayLost(Connection connection, SiloAddress gateway)
    {
        if (_connection == connection) _connection = null;
        // Calls already written may or may not have run: fail them rather than risk running them twice.
        _callbacks.FailWhere(m => m.TargetSilo == gateway, _ => new SiloUnavailableException($"Gateway {gateway} was lost before answering; the call may or may not have run."));
        if (!_stopping.IsCancellationRequested) _ = ReconnectAsync();
    }

    [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "Connected to gateway {Gateway}")]
    private partial void LogConnected(string gateway);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Gateway {Gateway} refused the client: {Reason}")]
    private partial void LogRefused(string gateway, string reason);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Debug, Message = "Connecting to gateway {Gateway} failed")]
    private partial void LogConnectFailed(Exception exception, string gateway);
}
