using System.Globalization;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Orleans.Persistence.FileSystem;

/// <summary>
/// Grain storage in local files, one per grain and state name. Every write checks the caller's ETag against the
/// file's, so a stale activation cannot overwrite newer state. Meant for a single-machine silo (development, the
/// embedded default): files are not shared between machines.
/// </summary>
internal sealed partial class FileSystemGrainStorage(
    string name,
    FileSystemGrainStorageOptions options,
    IActivatorProvider activators,
    ILogger<FileSystemGrainStorage> logger) : IGrainStorage
{
    // Read-check-write of one file must not interleave with another writer in this process; striping bounds the locks.
    private readonly SemaphoreSlim[] _locks = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];
    private readonly string _root = Path.GetFullPath(options.RootDirectory);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var stored = await StateFile.ReadAsync(PathOf(stateName, grainId), CancellationToken.None);
        grainState.State = stored is null ? CreateEmpty<T>() : options.GrainStorageSerializer.Deserialize<T>(new BinaryData(stored.Payload));
        grainState.ETag = stored?.ETag;
        grainState.RecordExists = stored is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        var gate = LockFor(path);
        await gate.WaitAsync();
        try
        {
            var stored = await StateFile.ReadAsync(path, CancellationToken.None);
            EnsureETagMatches(stored, grainState.ETag, path, "write");
            var etag = NextETag(stored);
            await new StateFile(etag, options.GrainStorageSerializer.Serialize(grainState.State).ToArray()).WriteAsync(path, CancellationToken.None);
            grainState.ETag = etag;
            grainState.RecordExists = true;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        var gate = LockFor(path);
        await gate.WaitAsync();
        try
        {
            EnsureETagMatches(await StateFile.ReadAsync(path, CancellationToken.None), grainState.ETag, path, "clear");
            File.Delete(path);
            grainState.State = CreateEmpty<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
        finally
        {
            gate.Release();
        }
    }

    private string PathOf(string stateName, GrainId grainId) => StatePaths.For(_root, stateName, grainId);

    private SemaphoreSlim LockFor(string path) => _locks[(int)((uint)StringComparer.Ordinal.GetHashCode(path) % (uint)_locks.Length)];

    private T CreateEmpty<T>() => activators.GetActivator<T>().Create();

    private void EnsureETagMatches(StateFile? stored, string? expected, string path, string operation)
    {
        if (stored?.ETag == expected) return;
        LogETagMismatch(name, operation, path, stored?.ETag, expected);
        throw new InconsistentStateException(
            $"File-system grain storage '{name}' refused to {operation} '{path}': it holds ETag '{stored?.ETag}', the grain had '{expected}'.",
            stored?.ETag, expected, null);
    }

    // ETags count the writes of one file; a cleared file starts over, which is safe since the ETag was reset to null.
    private static string NextETag(StateFile? stored) =>
        (stored is null ? 1 : long.Parse(stored.ETag, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "File-system grain storage {Name} refused to {Operation} {Path}: stored ETag {Stored}, expected {Expected}")]
    private partial void LogETagMismatch(string name, string operation, string path, string? stored, string? expected);
}
