using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Granary.Runtime;

/// <summary>A hash of grain identities that is the same in every process and on every machine.</summary>
public static class GrainIdHashing
{
    /// <summary>
    /// A uniformly distributed, stable hash of <paramref name="grainId"/> (MurmurHash3 x86 32-bit over the UTF-8 of
    /// <c>type/key</c>). Unlike <see cref="GrainId.GetHashCode"/> it never changes between processes, so it can
    /// be stored and compared across silos (reminder ranges, partitioning).
    /// </summary>
    public static uint GetUniformHashCode(this GrainId grainId)
    {
        var text = grainId.ToString();
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        var buffer = length <= 512 ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            return Murmur3(buffer[..Encoding.UTF8.GetBytes(text, buffer)]);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static uint Murmur3(ReadOnlySpan<byte> data)
    {
        const uint c1 = 0xcc9e2d51, c2 = 0x1b873593;
        uint hash = 0;
        var blocks = data.Length / 4;
        for (var i = 0; i < blocks; i++)
        {
            var k = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(i * 4, 4));
            k = BitOperations.RotateLeft(k * c1, 15) * c2;
            hash = BitOperations.RotateLeft(hash ^ k, 13) * 5 + 0xe6546b64;
        }

        uint tail = 0;
        var rest = data[(blocks * 4)..];
        for (var i = rest.Length - 1; i >= 0; i--) tail = (tail << 8) | rest[i];
        if (rest.Length > 0) hash ^= BitOperations.RotateLeft(tail * c1, 15) * c2;

        hash ^= (uint)data.Length;
        hash ^= hash >> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >> 13;
        hash *= 0xc2b2ae35;
        return hash ^ (hash >> 16);
    }
}
