using Granary.Storage;

namespace Granary.Runtime.Tests.Grains;

public interface IMigratingGrain : IGrainWithStringKey
{
    /// <summary>Adds to an in-memory count and to a persisted total, which it writes.</summary>
    Task Add(int amount);

    Task<int> InMemory();

    Task<int> Persisted();
}

/// <summary>Keeps a count only in memory, which survives a move because the grain dehydrates it.</summary>
public sealed class MigratingGrain([PersistentState("total", CountingGrainStorage.Name)] IPersistentState<int> total)
    : Grain, IMigratingGrain, IGrainMigrationParticipant
{
    private int _inMemory;

    public async Task Add(int amount)
    {
        _inMemory += amount;
        total.State += amount;
        await total.WriteStateAsync();
    }

    public Task<int> InMemory() => Task.FromResult(_inMemory);

    public Task<int> Persisted() => Task.FromResult(total.State);

    public void OnDehydrate(IDehydrationContext dehydrationContext) => dehydrationContext.TryAddValue("count", _inMemory);

    public void OnRehydrate(IRehydrationContext rehydrationContext)
    {
        if (rehydrationContext.TryGetValue<int>("count", out var count)) _inMemory = count;
    }
}

/// <summary>The real in-memory storage, counting reads: a migrated grain must arrive without one.</summary>
internal sealed class CountingGrainStorage : IGrainStorage
{
    public const string Name = "counted";
    private readonly MemoryGrainStorage _inner = new();
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return _inner.ReadStateAsync(stateName, grainId, grainState, cancellationToken);
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        _inner.WriteStateAsync(stateName, grainId, grainState, cancellationToken);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        _inner.ClearStateAsync(stateName, grainId, grainState, cancellationToken);
}
