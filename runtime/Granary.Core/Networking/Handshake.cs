using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Granary.Runtime;
using Granary.Serialization;

namespace Granary.Networking;

/// <summary>Who opens a connection.</summary>
internal enum PeerKind
{
    Silo = 1,
    Client = 2,
}

/// <summary>The first frame a connecting peer sends.</summary>
internal sealed record Hello(string ClusterId, int ProtocolVersion, PeerKind Kind, SiloAddress? Silo, string? ClientId);

/// <summary>The accepting silo's answer: accepted with its address (and, for clients, which grain type implements each interface), or refused with a reason.</summary>
internal sealed record Welcome(bool Accepted, string? Reason, SiloAddress? Silo, Dictionary<string, string>? GrainTypes);

/// <summary>
/// The handshake: one frame each way before any message. It checks the magic, the protocol version and
/// the cluster id, so a silo of another cluster, or anything that is not Granary, is refused at once.
/// </summary>
internal static class Handshake
{
    public const int ProtocolVersion = 1;
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private const string Magic = "GRNY";
    private const int MaxHandshakeBytes = 1024 * 1024;

    /// <summary>
    /// Opens a TCP connection, sends <paramref name="hello"/> and reads the answer; the socket is released when
    /// anything fails. The caller decides what a refusal means and owns the returned connection.
    /// </summary>
    public static async Task<(ConnectionContext Context, Welcome Welcome)> ConnectAsync(
        SocketConnectionContextFactory contextFactory, string host, int port, Hello hello, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, cancellationToken);
            var context = contextFactory.Create(socket);
            await SendAsync(context.Transport.Output, hello, cancellationToken);
            return (context, await ReceiveWelcomeAsync(context.Transport.Input, cancellationToken));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static ValueTask<FlushResult> SendAsync(PipeWriter output, Hello hello, CancellationToken cancellationToken) =>
        SendAsync(output, writer =>
        {
            Codecs.Get<string>().WriteField(writer, 1, Magic);
            Codecs.Get<int>().WriteField(writer, 2, hello.ProtocolVersion);
            Codecs.Get<string>().WriteField(writer, 3, hello.ClusterId);
            Codecs.Get<int>().WriteField(writer, 4, (int)hello.Kind);
            if (hello.Silo is not null) Codecs.Get<string>().WriteField(writer, 5, hello.Silo.ToString());
            if (hello.ClientId is not null) Codecs.Get<string>().WriteField(writer, 6, hello.ClientId);
        }, cancellationToken);

    public static ValueTask<FlushResult> SendAsync(PipeWriter output, Welcome welcome, CancellationToken cancellationToken) =>
        SendAsync(output, writer =>
        {
            Codecs.Get<bool>().WriteField(writer, 1, welcome.Accepted);
            if (welcome.Reason is not null) Codecs.Get<string>().WriteField(writer, 2, welcome.Reason);
            if (welcome.Silo is not null) Codecs.Get<string>().WriteField(writer, 3, welcome.Silo.ToString());
            if (welcome.GrainTypes is not null) Codecs.Get<Dictionary<string, string>>().WriteField(writer, 4, welcome.GrainTypes);
        }, cancellationToken);

    public static async Task<Hello> ReceiveHelloAsync(PipeReader input, CancellationToken cancellationToken)
    {
        var reader = new GranaryReader(await ReceiveFrameAsync(input, cancellationToken));
        string? magic = null, clusterId = null, silo = null, client = null;
        int version = 0, kind = 0;
        while (!reader.IsAtEnd)
        {
            var field = reader.ReadFieldHeader();
            switch (field.Id)
            {
                case 1: magic = Codecs.Get<string>().ReadValue(reader, field.WireType); break;
                case 2: version = Codecs.Get<int>().ReadValue(reader, field.WireType); break;
                case 3: clusterId = Codecs.Get<string>().ReadValue(reader, field.WireType); break;
                case 4: kind = Codecs.Get<int>().ReadValue(reader, field.WireType); break;
                case 5: silo = Codecs.Get<string>().ReadValue(reader, field.WireType); break;
                case 6: client = Codecs.Get<string>().ReadValue(reader, field.WireType); break;
                default: reader.SkipField(field.WireType); break;
            }
        }

        if (magic != Magic) throw new ProtocolViolationException("The peer is not a Granary silo or client.");
        if (kind is not ((int)PeerKind.Silo or (int)PeerKind.Client)) throw new ProtocolViolationException($"Unknown peer kind {kind}.");
        return new Hello(clusterId ?? "", version, (PeerKind)kind, silo is null ? null : ParseSilo(silo), client);
    }

    public static async Task<Welcome> ReceiveWelcomeAsync(PipeReader input, CancellationToken cancellationToken)
    {
        var reader = new GranaryReader(await ReceiveFrameAsync(input, cancellationToken));
        var accepted = false;
        string? reason = null, silo = null;
        Dictionary<string, string>? grainTypes = null;
        while (!reader.IsAtEnd)
        {
            var field = reader.ReadFieldHeader();
            switch (field.Id)
            {
                case 1: accepted = Codecs.Get<bool>().ReadValue(reader, field.WireType); break;
                case 2: reason = Codecs.Get<string>().ReadValue(reader, field.WireType); break;
                case 3: silo = Codecs.Get<string>().ReadValue(reader, field.WireType); break;
                case 4: grainTypes = Codecs.Get<Dictionary<string, string>>().ReadValue(reader, field.WireType); break;
                default: reader.SkipField(field.WireType); break;
            }
        }

        return new Welcome(accepted, reason, silo is null ? null : ParseSilo(silo), grainTypes);
    }

    private static async ValueTask<FlushResult> SendAsync(PipeWriter output, Action<GranaryWriter> write, CancellationToken cancellationToken)
    {
        using var payload = new GranaryWriter(256);
        write(payload);
        Frames.Write(output, payload.WrittenSpan);
        return await output.FlushAsync(cancellationToken);
    }

    private static async Task<ReadOnlyMemory<byte>> ReceiveFrameAsync(PipeReader input, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (Frames.TryRead(ref buffer, MaxHandshakeBytes, out var frame))
            {
                var bytes = frame.ToArray();
                input.AdvanceTo(buffer.Start);
                return bytes;
            }

            input.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted) throw new ProtocolViolationException("The peer closed the connection during the handshake.");
        }
    }

    private static SiloAddress ParseSilo(string value)
    {
        try
        {
            return SiloAddress.Parse(value);
        }
        catch (Exception exception) when (exception is FormatException or OverflowException)
        {
            throw new ProtocolViolationException($"'{value}' is not a silo address.");
        }
    }
}
