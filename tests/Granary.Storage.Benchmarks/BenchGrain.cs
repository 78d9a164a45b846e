using Granary.Runtime;
using Granary.Serialization;

namespace Granary.Storage.Benchmarks;

/// <summary>A state of typical size (about 400 bytes serialized): an order with a few lines.</summary>
[GenerateSerializer]
public sealed class BenchState
{
    [Id(0)]
    public long Revision { get; set; }

    [Id(1)]
    public string Customer { get; set; } = "customer-0001@example.com";

    [Id(2)]
    public List<BenchLine> Lines { get; set; } = [.. Enumerable.Range(0, 6).Select(i => new BenchLine { Sku = $"SKU-{i:0000}-granary", Quantity = i + 1, UnitPrice = 9.99m * (i + 1) })];

    [Id(3)]
    public string Status { get; set; } = "Submitted";
}

[GenerateSerializer]
public sealed class BenchLine
{
    [Id(0)]
    public string Sku { get; set; } = "";

    [Id(1)]
    public int Quantity { get; set; }

    [Id(2)]
    public decimal UnitPrice { get; set; }
}

public interface IBenchGrain : IGrainWithIntegerKey
{
    /// <summary>Changes the state and writes it.</summary>
    Task Write();

    /// <summary>Re-reads the state from the database.</summary>
    Task<long> Read();
}

public sealed class BenchGrain([PersistentState("bench", "pg")] IPersistentState<BenchState> state) : Grain, IBenchGrain
{
    public Task Write()
    {
        state.State.Revision++;
        return state.WriteStateAsync();
    }

    public async Task<long> Read()
    {
        await state.ReadStateAsync();
        return state.State.Revision;
    }
}
