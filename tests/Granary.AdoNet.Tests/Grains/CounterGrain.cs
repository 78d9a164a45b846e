using Granary.Runtime;
using Granary.Serialization;

namespace Granary.AdoNet.Tests.Grains;

[GenerateSerializer]
public sealed class CounterState
{
    [Id(0)]
    public long Value { get; set; }
}

public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds one and writes; returns the value written once the write is acknowledged.</summary>
    Task<long> Increment();

    Task<long> Value();
}

/// <summary>
/// A durable counter. After a failed write its in-memory state may be ahead of or behind the database, so it
/// deactivates and the next call starts from what is stored.
/// </summary>
public sealed class CounterGrain([PersistentState("counter", "pg")] IPersistentState<CounterState> counter) : Grain, ICounterGrain
{
    public async Task<long> Increment()
    {
        counter.State.Value++;
        try
        {
            await counter.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }

        return counter.State.Value;
    }

    public Task<long> Value() => Task.FromResult(counter.State.Value);
}
