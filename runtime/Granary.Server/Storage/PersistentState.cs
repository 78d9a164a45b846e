using Granary.Runtime;

namespace Granary.Storage;

/// <summary>A grain's [PersistentState], bound to a named grain storage.</summary>
internal sealed class PersistentState<TState>(string stateName, GrainId grainId, IGrainStorage storage) : IPersistentState<TState>
{
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
}
