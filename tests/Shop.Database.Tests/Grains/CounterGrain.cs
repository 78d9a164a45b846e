using Orleans.Runtime;

namespace Shop.Database.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task Set(int value);

    /// <summary>Re-reads the state from storage and returns it.</summary>
    Task<int> Reload();

    Task Clear();
}

[GenerateSerializer]
public sealed class CounterState
{
    [Id(0)]
    public int Value { get; set; }
}

public sealed class CounterGrain([PersistentState("counter", Infrastructure.TestSilo.StorageName)] IPersistentState<CounterState> state)
    : Grain, ICounterGrain
{
    public Task Set(int value)
    {
        state.State.Value = value;
        return state.WriteStateAsync();
    }

    public async Task<int> Reload()
    {
        await state.ReadStateAsync();
        return state.State.Value;
    }

    public Task Clear() => state.ClearStateAsync();
}
