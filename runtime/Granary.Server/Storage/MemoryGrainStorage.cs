using System.Collections.Concurrent;
using System.Globalization;
using Granary.Runtime;
using Granary.Serialization;

namespace Granary.Storage;

/// <summary>
/// Grain storage in process memory, for tests and development. State is stored serialized, so a grain
/// never shares an object with storage, and ETags are versions checked on every write and clear.
/// </summary>
internal sealed class MemoryGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), StoredState> _entries = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue((stateName, grainId), out var stored))
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

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var payload = Serializer.Serialize(grainState.State);
        var key = (stateName, grainId);
        while (true)
        {
            if (_entries.TryGetValue(key, out var current))
            {
                if (current.ETag != grainState.ETag) throw Conflict(current.ETag, grainState.ETag);
                var next = new StoredState(payload, current.Version + 1);
                if (!_entries.TryUpdate(key, next, current)) continue;
                Apply(grainState, next);
                return Task.CompletedTask;
            }

            if (grainState.ETag is not null) throw Conflict(null, grainState.ETag);
            var first = new StoredState(payload, 1);
            if (!_entries.TryAdd(key, first)) continue;
            Apply(grainState, first);
            return Task.CompletedTask;
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var key = (stateName, grainId);
        if (_entries.TryGetValue(key, out var current))
        {
            if (current.ETag != grainState.ETag) throw Conflict(current.ETag, grainState.ETag);
            if (!_entries.TryRemove(new KeyValuePair<(string, GrainId), StoredState>(key, current))) throw Conflict("(changed)", grainState.ETag);
        }
        else if (grainState.ETag is not null)
        {
            throw Conflict(null, grainState.ETag);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static void Apply<T>(IGrainState<T> grainState, StoredState stored)
    {
        grainState.ETag = stored.ETag;
        grainState.RecordExists = true;
    }

    private static InconsistentStateException Conflict(string? stored, string? expected) =>
        new("Memory grain storage: the state was changed by another writer.", stored, expected);

    private sealed record StoredState(byte[] Payload, long Version)
    {
        public string ETag { get; } = Version.ToString(CultureInfo.InvariantCulture);
    }
}
