using System.Buffers;
using System.Buffers.Binary;

namespace Granary.Networking;

/// <summary>
/// Length-prefixed frames: a 4-byte little-endian length, then the payload. A length outside
/// 1..maxFrameBytes is a protocol violation: the connection is closed, nothing is buffered for it.
/// </summary>
internal static class Frames
{
    public const int HeaderLength = 4;

    /// <summary>Takes one complete frame off the front of <paramref name="buffer"/>; false when more bytes are needed.</summary>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, int maxFrameBytes, out ReadOnlySequence<byte> payload)
    {
        payload = default;
        if (buffer.Length < HeaderLength) return false;
        Span<byte> header = stackalloc byte[HeaderLength];
        buffer.Slice(0, HeaderLength).CopyTo(header);
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length < 1 || length > maxFrameBytes)
            throw new ProtocolViolationException($"A frame of {length} bytes is outside 1..{maxFrameBytes}.");
        if (buffer.Length < HeaderLength + length) return false;
        payload = buffer.Slice(HeaderLength, length);
        buffer = buffer.Slice(HeaderLength + length);
        return true;
    }

    /// <summary>Writes one frame: the length, then the payload.</summary>
    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> payload)
    {
        var span = output.GetSpan(HeaderLength + payload.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span, payload.Length);
        payload.CopyTo(span[HeaderLength..]);
        output.Advance(HeaderLength + payload.Length);
    }
}

/// <summary>A peer broke the wire protocol; only its connection is affected.</summary>
internal sealed class ProtocolViolationException(string message) : Exception(message);
