namespace Granary.Runtime.Tests.Grains;

public interface ICountingExtension : IGrainExtension
{
    Task<string> Count();
}

/// <summary>A runtime-style extension: one instance per activation, created on the first call.</summary>
public sealed class CountingExtension(IGrainContext context) : ICountingExtension
{
    private int _calls;

    public int Calls => _calls;

    public Task<string> Count() => Task.FromResult($"{context.GrainId}:{++_calls}");
}
