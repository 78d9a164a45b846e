namespace Granary.Benchmarks.GrainCalls;

/// <summary>The smallest useful grain call: an int in, the same int out, one counter touched.</summary>
public interface IPingGrain : IGrainWithStringKey
{
    Task<int> Ping(int value);
}

public sealed class PingGrain : Grain, IPingGrain
{
    private long _handled;

    public Task<int> Ping(int value)
    {
        _handled++;
        return Task.FromResult(value);
    }
}
