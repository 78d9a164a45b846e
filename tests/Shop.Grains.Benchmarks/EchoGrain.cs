namespace Shop.Grains.Benchmarks;

/// <summary>The cheapest useful grain call: an argument in, the same value out.</summary>
[Alias("bench.IEchoGrain")]
public interface IEchoGrain : IGrainWithIntegerKey
{
    Task<int> Echo(int value);
}

/// <summary>Answers at once, so the figure is the runtime's cost per call.</summary>
public sealed class EchoGrain : Grain, IEchoGrain
{
    public Task<int> Echo(int value) => Task.FromResult(value);
}
