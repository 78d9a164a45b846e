using System.Buffers.Binary;
using System.Net.Sockets;

namespace Granary.Cluster.Benchmarks.Echo;

/// <summary>
/// The baseline's wire format, shaped like Granary's: a 4-byte little-endian length, then the payload. A request's
/// payload starts with the length the response's payload must have, so the server needs no settings.
/// </summary>
internal static class EchoFrames
{
    public const int HeaderLength = 4;

    /// <summary>Fills <paramref name="buffer"/> from the socket; false when the peer closed first.</summary>
    public static async ValueTask<bool> ReadExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (buffer.Length > 0)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            if (read == 0) return false;
            buffer = buffer[read..];
        }

        return true;
    }

    public static async ValueTask SendAllAsync(Socket socket, ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        while (buffer.Length > 0) buffer = buffer[await socket.SendAsync(buffer, SocketFlags.None, cancellationToken)..];
    }

    public static int ReadLength(ReadOnlySpan<byte> header) => BinaryPrimitives.ReadInt32LittleEndian(header);

    /// <summary>A whole request frame of <paramref name="payloadLength"/> bytes whose payload begins with <paramref name="replyLength"/>.</summary>
    public static byte[] Create(int payloadLength, int replyLength)
    {
        var frame = new byte[HeaderLength + Math.Max(payloadLength, HeaderLength)];
        BinaryPrimitives.WriteInt32LittleEndian(frame, frame.Length - HeaderLength);
        BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(HeaderLength), replyLength);
        return frame;
    }

    /// <summary>Writes a frame of <paramref name="payloadLength"/> zero-filled payload bytes at the start of <paramref name="destination"/>.</summary>
    public static void Write(Span<byte> destination, int payloadLength)
    {
        BinaryPrimitives.WriteInt32LittleEndian(destination, payloadLength);
        destination.Slice(HeaderLength, payloadLength).Clear();
    }
}
