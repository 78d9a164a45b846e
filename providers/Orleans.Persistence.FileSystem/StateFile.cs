using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Orleans.Persistence.FileSystem;

/// <summary>
/// The on-disk form of one grain's state: magic, ETag, payload and a SHA-256 of all of it. The checksum turns a
/// torn or foreign file into a clear error instead of garbage state. Writes go to a temporary file in the same
/// directory, which is flushed to disk and then renamed over the old one, so a crash leaves the old or the new
/// file, never a mix.
/// </summary>
internal sealed record StateFile(string ETag, byte[] Payload)
{
    private static readonly byte[] Magic = "OGS1"u8.ToArray();
    private const int HashLength = 32;

    /// <summary>The stored state at <paramref name="path"/>, or null when there is none.</summary>
    public static async Task<StateFile?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        return Decode(path, bytes);
    }

    /// <summary>Replaces the file at <paramref name="path"/> with this state, atomically.</summary>
    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        var directory = System.IO.Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temporary = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(Encode(), cancellationToken);
                // The rename must not reach the disk before the bytes it points at.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private byte[] Encode()
    {
        var etag = Encoding.UTF8.GetBytes(ETag);
        var body = new byte[Magic.Length + 4 + etag.Length + 4 + Payload.Length];
        var span = body.AsSpan();
        Magic.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], etag.Length);
        etag.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[(8 + etag.Length)..], Payload.Length);
        Payload.CopyTo(span[(12 + etag.Length)..]);
        return [.. body, .. SHA256.HashData(body)];
    }

    private static StateFile Decode(string path, byte[] bytes)
    {
        if (bytes.Length < Magic.Length + 8 + HashLength || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new CorruptStateFileException(path, "it does not start with this provider's header");
        var body = bytes.AsSpan(0, bytes.Length - HashLength);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(body.Length)))
            throw new CorruptStateFileException(path, "its checksum does not match its content");

        var etagLength = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
        if (etagLength < 0 || 12 + etagLength > body.Length) throw new CorruptStateFileException(path, "its ETag length is out of range");
        var payloadLength = BinaryPrimitives.ReadInt32LittleEndian(body[(8 + etagLength)..]);
        if (payloadLength != body.Length - 12 - etagLength) throw new CorruptStateFileException(path, "its payload length is out of range");
        return new StateFile(Encoding.UTF8.GetString(body.Slice(8, etagLength)), body[(12 + etagLength)..].ToArray());
    }
}
