using System.Net;
using Granary.Configuration;
using Granary.Lifecycle;
using Granary.Membership;
using Granary.Runtime;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Granary.Networking;

/// <summary>
/// Listens for silos and clients on Kestrel's socket transport, runs the handshake (magic, protocol
/// version, cluster id; a dead silo's old incarnation is refused), then hands the connection over.
/// </summary>
internal sealed partial class SiloConnectionListener(
    IOptions<EndpointOptions> endpoints,
    IOptions<ClusterOptions> cluster,
    LocalSiloDetails localSilo,
    SiloConnections connections,
    IClusterMembershipView membership,
    Observers.LocalObjectRegistry localObjects,
    ILoggerFactory loggerFactory,
    ILogger<SiloConnectionListener> logger) : ISiloLifecycleParticipant
{
    // Peers need one round trip to write out what they queued for this silo; a stalled peer must not hold the stop.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(3);
    private readonly CancellationTokenSource _stopping = new();
    private IConnectionListener? _listener;

    public int Stage => ServiceLifecycleStage.RuntimeInitialize;

    public async Task OnStartAsync(CancellationToken cancellationToken)
    {
        var options = endpoints.Value;
        var factory = new SocketTransportFactory(Options.Create(new SocketTransportOptions { NoDelay = true }), loggerFactory);
        var bindHost = IPAddress.Parse(options.ListenHost ?? (IPAddress.TryParse(options.AdvertisedHost, out _) ? options.AdvertisedHost : "0.0.0.0"));
        try
        {
            _listener = await factory.BindAsync(new IPEndPoint(bindHost, options.SiloPort), cancellationToken);
        }
        catch (Exception exception) when (exception is AddressInUseException or System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException(
                $"Cannot listen on {bindHost}:{options.SiloPort} ({exception.Message}). Change {EndpointOptions.SectionName}:SiloPort or stop the process using it.", exception);
        }

        localSilo.SetBoundPort(((IPEndPoint)_listener.EndPoint).Port);
        localObjects.HostKey = $"silo~{localSilo.SiloAddress}";
        LogListening(localSilo.SiloAddress.ToString());
        _ = Task.Run(AcceptLoopAsync, CancellationToken.None);
    }

    /// <summary>Closes what is left: peers were already drained by <see cref="DrainAsync"/> on a graceful stop.</summary>
    public async Task OnStopAsync(CancellationToken cancellationToken)
    {
        await StopListeningAsync(cancellationToken);
        await CloseAsync();
    }

    /// <summary>
    /// The graceful leave's hand-over of the wire: stops accepting connections, tells every peer to go away, and
    /// reads and routes what they still had queued for this silo until each closed its side (or a timeout).
    /// Runs after the directory handed its ranges off and before membership writes this silo Dead.
    /// </summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        await StopListeningAsync(cancellationToken);
        using var draining = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        draining.CancelAfter(DrainTimeout);
        await connections.DrainAsync(draining.Token);
    }

    /// <summary>As a crash would: stops listening and drops every connection without a word to the peers.</summary>
    internal async Task AbortAsync()
    {
        await StopListeningAsync(CancellationToken.None);
        await CloseAsync();
    }

    private async Task StopListeningAsync(CancellationToken cancellationToken)
    {
        if (_stopping.IsCancellationRequested) return;
        await _stopping.CancelAsync();
        if (_listener is not null) await _listener.UnbindAsync(cancellationToken);
    }

    private async Task CloseAsync()
    {
        connections.CloseAll();
        if (_listener is not null) await _listener.DisposeAsync();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            ConnectionContext? context;
            try
            {
                context = await _listener!.AcceptAsync(_stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (context is null) return;
            _ = Task.Run(() => AcceptAsync(context));
        }
    }

    private async Task AcceptAsync(ConnectionContext context)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(Handshake.Timeout);
        try
        {
            var hello = await Handshake.ReceiveHelloAsync(context.Transport.Input, timeout.Token);
            var refusal = Refuse(hello);
            var grainTypes = hello.Kind == PeerKind.Client && refusal is null ? connections.GrainTypeManifest() : null;
            await Handshake.SendAsync(context.Transport.Output, new Welcome(refusal is null, refusal, localSilo.SiloAddress, grainTypes), timeout.Token);
            if (refusal is not null)
            {
                LogRefused(context.RemoteEndPoint?.ToString() ?? "?", refusal);
                // A graceful close, not a reset: the peer reads the reason before the connection ends.
                await context.Transport.Output.CompleteAsync();
                await context.DisposeAsync();
                return;
            }

            connections.AcceptIncoming(context, hello);
        }
        catch (Exception exception) when (exception is ProtocolViolationException or Serialization.WireFormatException or OperationCanceledException or IOException or ConnectionResetException)
        {
            LogHandshakeFailed(exception, context.RemoteEndPoint?.ToString() ?? "?");
            context.Abort();
        }
    }

    private string? Refuse(Hello hello)
    {
        if (hello.ProtocolVersion != Handshake.ProtocolVersion) return $"protocol version {hello.ProtocolVersion} is not {Handshake.ProtocolVersion}";
        if (hello.ClusterId != cluster.Value.ClusterId) return $"cluster '{hello.ClusterId}' is not '{cluster.Value.ClusterId}'";
        if (hello.Kind == PeerKind.Silo && (hello.Silo is null || membership.Current.GetStatus(hello.Silo) == SiloStatus.Dead))
            return $"silo {hello.Silo} was declared dead";
        if (hello.Kind == PeerKind.Client && string.IsNullOrEmpty(hello.ClientId)) return "a client must name itself";
        return null;
    }

    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Silo listening as {Silo}")]
    private partial void LogListening(string silo);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Refused a connection from {Remote}: {Reason}")]
    private partial void LogRefused(string remote, string reason);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Handshake with {Remote} failed; connection dropped")]
    private partial void LogHandshakeFailed(Exception exception, string remote);
}
