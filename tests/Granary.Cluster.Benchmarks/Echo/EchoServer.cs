using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;

namespace Granary.Cluster.Benchmarks.Echo;

/// <summary>
/// The floor the cross-silo calls are compared with: plain sockets, one loop per connection that reads whatever
/// requests have arrived and answers each with a frame of the length it asked for, all answers in one send (as
/// Granary's connection writes whatever is queued in one flush). No runtime, no serializer, no scheduler.
/// </summary>
internal sealed class EchoServer(int port) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
        listener.Listen(1024);
        try
        {
            while (true)
            {
                var connection = await listener.AcceptAsync(stoppingToken);
                connection.NoDelay = true;
                _ = Task.Run(() => ServeAsync(connection, stoppingToken), stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The host is stopping.
        }
    }

    private static async Task ServeAsync(Socket connection, CancellationToken stoppingToken)
    {
        using var _ = connection;
        var input = new byte[64 * 1024];
        var output = new byte[64 * 1024];
        var buffered = 0;
        try
        {
            while (true)
            {
                var read = await connection.ReceiveAsync(input.AsMemory(buffered), SocketFlags.None, stoppingToken);
                if (read == 0) return;
                buffered += read;
                var (consumed, written) = Answer(input.AsSpan(0, buffered), ref output);
                if (written > 0) await EchoFrames.SendAllAsync(connection, output.AsMemory(0, written), stoppingToken);
                input.AsSpan(consumed, buffered - consumed).CopyTo(input);
                buffered -= consumed;
            }
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            // The client went away or the host is stopping: this connection only.
        }
    }

    /// <summary>Writes a reply for every complete request in <paramref name="input"/>; returns the bytes consumed and written.</summary>
    private static (int Consumed, int Written) Answer(ReadOnlySpan<byte> input, ref byte[] output)
    {
        int consumed = 0, written = 0;
        while (input.Length - consumed >= EchoFrames.HeaderLength * 2)
        {
            var length = EchoFrames.ReadLength(input[consumed..]);
            if (input.Length - consumed < EchoFrames.HeaderLength + length) break;
            var replyLength = EchoFrames.ReadLength(input[(consumed + EchoFrames.HeaderLength)..]);
            if (output.Length - written < EchoFrames.HeaderLength + replyLength) Array.Resize(ref output, output.Length * 2 + replyLength);
            EchoFrames.Write(output.AsSpan(written), replyLength);
            written += EchoFrames.HeaderLength + replyLength;
            consumed += EchoFrames.HeaderLength + length;
        }

        return (consumed, written);
    }
}
