using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Granary.Runtime;
using Granary.Serialization;

namespace Granary.Storage;

/// <summary>
/// Grain storage in local files, one file per grain state, so state survives a restart of the process. A write
/// goes to a temporary file that is flushed and then renamed over the record, so a crash leaves either the old
/// or the new state, never a torn one. ETags are random per write and checked under a per-record lock.
/// One process owns a directory: the locks do not reach across processes, and the ETag of each record this
/// process wrote is remembered, so a write compares ETags without reading the file again.
/// </summary>
internal sealed class FileGrainStorage : IGrainStorage
{
    private const int StripeCount = 64;
    private static readonly byte[] Magic = "GRS1"u8.ToArray();
    private static readonly int HeaderLength = Magic.Length + 16;
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, StripeCount).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>
    /// The stored ETag by record path (null: no record) for the records this instance wrote or cleared. Changed only
    /// under the record's lock (a lock-free read could otherwise put back an ETag a concurrent write just replaced).
    /// </summary>
    private readonly ConcurrentDictionary<string, string?> _knownEtags = new(StringComparer.Ordinal);

    public FileGrainStorage(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Root = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(Root);
    }

    /// <summary>The directory holding the records.</summary>
    public string Root { get; }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var record = await ReadRecordAsync(PathOf(stateName, grainId), cancellationToken);
        if (record is { } stored)
        {
            grainState.State = Serializer.Deserialize<T>(stored.Payload);
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = NewState.Create<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var path = PathOf(stateName, grainId);
        var payload = Serializer.Serialize(grainState.State);
        var etag = Guid.NewGuid();
        var stripe = StripeOf(path);
        await stripe.WaitAsync(cancellationToken);
        try
        {
            var stored = await StoredEtagAsync(path, cancellationToken);
            if (stored != grainState.ETag) throw Conflict(stored, grainState.ETag);
            _knownEtags.TryRemove(path, out _);
            await WriteAtomicallyAsync(path, etag, payload, cancellationToken);
            _knownEtags[path] = etag.ToString("N");
        }
        finally
        {
            stripe.Release();
        }

        grainState.ETag = etag.ToString("N");
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var path = PathOf(stateName, grainId);
        var stripe = StripeOf(path);
        await stripe.WaitAsync(cancellationToken);
        try
        {
            var stored = await StoredEtagAsync(path, cancellationToken);
            if (stored != grainState.ETag) throw Conflict(stored, grainState.ETag);
            _knownEtags.TryRemove(path, out _);
            File.Delete(path);
            _knownEtags[path] = null;
        }
        finally
        {
            stripe.Release();
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    /// <summary>
    /// One folder per grain type, and a file named by a hash of the state name and grain id: keys may hold any
    /// character and any length, which file names cannot.
    /// </summary>
    private string PathOf(string stateName, GrainId grainId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{stateName}\n{grainId}"));
        return Path.Combine(Root, SafeFolderName(grainId.Type.Value ?? "_"), Convert.ToHexStringLower(hash) + ".state");
    }

    private static string SafeFolderName(string grainType) =>
        string.Concat(grainType.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_'));

    private SemaphoreSlim StripeOf(string path) => _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(path) % StripeCount)];

    /// <summary>The record's ETag, from memory when this instance saw the record last; called under the record's lock.</summary>
    private async ValueTask<string?> StoredEtagAsync(string path, CancellationToken cancellationToken) =>
        _knownEtags.TryGetValue(path, out var known) ? known : (await ReadRecordAsync(path, cancellationToken))?.ETag;

    private static async Task<StoredRecord?> ReadRecordAsync(string path, CancellationToken cancellationToken)
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

        if (bytes.Length < HeaderLength || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new InvalidDataException($"File grain storage: '{path}' is not a grain state record.");
        var etag = new Guid(bytes.AsSpan(Magic.Length, 16));
        return new StoredRecord(etag.ToString("N"), bytes.AsMemory(HeaderLength));
    }

    private static async Task WriteAtomicallyAsync(string path, Guid etag, byte[] payload, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                var header = new byte[HeaderLength];
                Magic.CopyTo(header, 0);
                etag.TryWriteBytes(header.AsSpan(Magic.Length));
                await file.WriteAsync(header, cancellationToken);
                await file.WriteAsync(payload, cancellationToken);
                // On disk before the rename makes it visible: a crash never exposes a record with missing bytes.
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static InconsistentStateException Conflict(string? stored, string? expected) =>
        new("File grain storage: the state was changed by another writer.", stored, expected);

    private readonly record struct StoredRecord(string ETag, ReadOnlyMemory<byte> Payload);
}
