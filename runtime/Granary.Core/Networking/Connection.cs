using System.Buffers;
using System.Threading.Channels;
using Granary.Messaging;
using Granary.Runtime;
using Granary.Serialization;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace Granary.Networking;

/// <summary>
/// One TCP connection to a silo or client. Outgoing messages queue in a bounded channel; one writer loop
/// frames as many as are waiting into the pipe and flushes once (small messages share a syscall); one
/// reader loop parses frames and hands messages over. A malformed frame closes this connection only.
/// A peer that leaves says so with a go-away message: the queue is written out, the sending side closed with a
/// FIN, and the peer reads every message up to it, so nothing written is lost in the close.
/// </summary>
internal sealed partial class Connection
{
    /// <summary>Messages waiting to be written; beyond this, sends fail fast instead of growing memory.</summary>
    public const int OutboundCapacity = 100_000;

    private const int FlushThresholdBytes = 64 * 1024;
    private readonly int _maxFrameBytes;
    private readonly IGrainReferenceFactory _references;
    private readonly ILogger _logger;
    private readonly Channel<Message> _outbound = Channel.CreateBounded<Message>(new BoundedChannelOptions(OutboundCapacity) { SingleReader = true });
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ConnectionContext? _context;
    private Action<Message, Connection>? _onMessage;
    private Action<Message, Exception>? _onUndelivered;
    private Action<Connection>? _onGoAway;
    private volatile bool _goingAway;

    /// <summary>Creates a connection; messages sent before <see cref="Start"/> wait in its queue.</summary>
    public Connection(string peer, int maxFrameBytes, IGrainReferenceFactory references, ILogger logger)
    {
        Peer = peer;
        _maxFrameBytes = maxFrameBytes;
        _references = references;
        _logger = logger;
    }

    /// <summary>Who is at the other end, for logs.</summary>
    public string Peer { get; set; }

    /// <summary>Completes when the connection is closed, for any reason.</summary>
    public Task Closed => _closed.Task;

    public bool IsClosed => _closed.Task.IsCompleted;

    /// <summary>Sets where undeliverable messages are reported, before the connection is established.</summary>
    public void OnUndelivered(Action<Message, Exception> onUndelivered) => _onUndelivered = onUndelivered;

    /// <summary>Sets what runs when the peer says it is leaving; from then on <see cref="TrySend"/> refuses.</summary>
    public void OnGoAway(Action<Connection> onGoAway) => _onGoAway = onGoAway;

    /// <summary>
    /// Tells the peer this side reads nothing more after what it has sent so far, and completes once the peer
    /// has closed its side (every message it wrote has then been read) or <paramref name="cancellationToken"/> fires.
    /// </summary>
    public async Task GoAwayAsync(CancellationToken cancellationToken)
    {
        var goAway = new Message { Id = 0, Direction = MessageDirection.GoAway, Target = GoAwayTarget };
        if (TrySend(goAway)) await PeerClosedAsync(cancellationToken);
    }

    /// <summary>
    /// Writes out what is queued, closes the sending side with a FIN, and completes once the peer closed its side
    /// or <paramref name="cancellationToken"/> fires: the peer has then read everything this side wrote.
    /// </summary>
    public async Task CloseGracefullyAsync(CancellationToken cancellationToken)
    {
        _goingAway = true;
        _outbound.Writer.TryComplete();
        await PeerClosedAsync(cancellationToken);
    }

    private async Task PeerClosedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Closed.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The peer did not close in time; the hard close that follows ends the connection and what it still held.
        }
    }

    private static readonly GrainId GoAwayTarget = new(new GrainType("sys.connection"), "go-away");

    /// <summary>Starts the loops on an established, handshaken transport; <paramref name="onMessage"/> receives every message read.</summary>
    public void Start(ConnectionContext context, Action<Message, Connection> onMessage)
    {
        _context = context;
        _onMessage = onMessage;
        if (IsClosed)
        {
            context.Abort();
            return;
        }

        _ = Task.Run(ReadLoopAsync);
        _ = Task.Run(WriteLoopAsync);
    }

    /// <summary>Queues a message; false when the connection is closed or its queue is full.</summary>
    public bool TrySend(Message message) => !IsClosed && _outbound.Writer.TryWrite(message);

    public void Close(Exception? reason = null)
    {
        if (!_closed.TrySetResult()) return;
        _outbound.Writer.TryComplete();
        if (reason is not null) LogClosed(reason, Peer);
        _context?.Abort(new ConnectionAbortedException("Granary closed the connection.", reason ?? new OperationCanceledException()));
        while (_outbound.Reader.TryRead(out var pending)) _onUndelivered?.Invoke(pending, new SiloUnavailableException($"The connection to {Peer} closed before the message was sent."));
    }

    private async Task WriteLoopAsync()
    {
        var output = _context!.Transport.Output;
        using var payload = new GranaryWriter(4096);
        try
        {
            while (await _outbound.Reader.WaitToReadAsync())
            {
                var buffered = 0;
                while (buffered < FlushThresholdBytes && _outbound.Reader.TryRead(out var message))
                {
                    payload.Reset();
                    if (!TrySerialize(message, payload)) continue;
                    Frames.Write(output, payload.WrittenSpan);
                    buffered += payload.Length + Frames.HeaderLength;
                }

                // Awaiting the flush is the back-pressure: a slow peer slows this loop and fills the queue.
                var flushed = await output.FlushAsync();
                if (flushed.IsCompleted || flushed.IsCanceled) break;
            }
        }
        catch (Exception exception) when (exception is IOException or ConnectionResetException or ObjectDisposedException or InvalidOperationException)
        {
            Close(exception);
        }

        if (_goingAway && !IsClosed)
        {
            // A FIN after the last flushed byte, not a reset, which could discard bytes the peer has not read yet.
            // The read loop closes the connection once the peer closes its side.
            await output.CompleteAsync();
            return;
        }

        Close();
    }

    private void PeerGoingAway()
    {
        _goingAway = true;
        _outbound.Writer.TryComplete();
        _onGoAway?.Invoke(this);
    }

    private bool TrySerialize(Message message, GranaryWriter payload)
    {
        try
        {
            MessageCodec.Write(payload, message);
            if (payload.Length <= _maxFrameBytes) return true;
            _onUndelivered?.Invoke(message, new InvalidOperationException($"The message is {payload.Length} bytes, above Granary:Endpoints:MaxFrameBytes ({_maxFrameBytes})."));
        }
        catch (Exception exception)
        {
            // One unserializable argument fails that call, not the connection.
            _onUndelivered?.Invoke(message, exception);
        }

        return false;
    }

    private async Task ReadLoopAsync()
    {
        var input = _context!.Transport.Input;
        var reader = new GranaryReader(ReadOnlyMemory<byte>.Empty, _references);
        try
        {
            while (true)
            {
                var result = await input.ReadAsync();
                var buffer = result.Buffer;
                while (Frames.TryRead(ref buffer, _maxFrameBytes, out var frame))
                {
                    reader.Reset(frame.IsSingleSegment ? frame.First : frame.ToArray());
                    var message = MessageCodec.Read(reader);
                    if (message.Direction == MessageDirection.GoAway) PeerGoingAway();
                    else _onMessage!(message, this);
                }

                input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted || result.IsCanceled) break;
            }
        }
        catch (Exception exception) when (exception is ProtocolViolationException or WireFormatException or SerializerNotFoundException)
        {
            LogMalformed(exception, Peer);
            Close(exception);
            return;
        }
        catch (Exception exception) when (exception is IOException or ConnectionResetException or ConnectionAbortedException or ObjectDisposedException or InvalidOperationException)
        {
            Close(exception);
            return;
        }

        Close();
    }

    [LoggerMessage(EventId = 5000, Level = LogLevel.Warning, Message = "Closing the connection to {Peer}: it sent malformed data")]
    private partial void LogMalformed(Exception exception, string peer);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Debug, Message = "The connection to {Peer} closed")]
    private partial void LogClosed(Exception exception, string peer);
}
