using Granary.Runtime;

namespace Granary.Storage;

/// <summary>A persistent state that travels with a migrating grain, so its new silo needs no storage read.</summary>
internal interface IMigratingState
{
    /// <summary>Adds the in-memory value, ETag and record flag to the context.</summary>
    void Dehydrate(Catalog.MigrationContext context);

    /// <summary>Takes the carried value back; false when the context holds none for this state, so it must be read.</summary>
    bool TryRehydrate(Catalog.MigrationContext context);
}

/// <summary>A grain's [PersistentState], bound to a named grain storage.</summary>
internal sealed class PersistentState<TState>(string stateName, GrainId grainId, IGrainStorage storage) : IPersistentState<TState>, IMigratingState
{
    // Under a prefix grain code does not use, so a grain's own keys never collide with the runtime's.
    private readonly string _key = "granary.state/" + stateName;

    private readonly GrainState<TState> _grainState = new(NewState.Create<TState>());

    public TState State
    {
        get => _grainState.State;
        set => _grainState.State = value;
    }

    public string? Etag => _grainState.ETag;

    public bool RecordExists => _grainState.RecordExists;

    public Task ReadStateAsync(CancellationToken cancellationToken = default) =>
        storage.ReadStateAsync(stateName, grainId, _grainState, cancellationToken);

    public Task WriteStateAsync(CancellationToken cancellationToken = default) =>
        storage.WriteStateAsync(stateName, grainId, _grainState, cancellationToken);

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        await storage.ClearStateAsync(stateName, grainId, _grainState, cancellationToken);
        _grainState.State = NewState.Create<TState>();
    }

    public void Dehydrate(Catalog.MigrationContext context)
    {
        context.TryAddValue(_key, _grainState.State);
        context.TryAddValue(_key + "/etag", _grainState.ETag);
        context.TryAddValue(_key + "/exists", _grainState.RecordExists);
    }

    public bool TryRehydrate(Catalog.MigrationContext context)
    {
        if (!context.TryGetValue<TState>(_key, out var state) || !context.TryGetValue<string>(_key + "/etag", out var etag)
            || !context.TryGetValue<bool>(_key + "/exists", out var exists))
            return false;
        _grainState.State = state!;
        _grainState.ETag = etag;
        _grainState.RecordExists = exists;
        return true;
    }
}
