using Granary.Configuration;
using Granary.Placement;
using Microsoft.Extensions.Options;

namespace Granary.Cluster.Benchmarks.Grains;

/// <summary>The smallest useful grain call across silos, and where its activation lives.</summary>
public interface IBenchPingGrain : IGrainWithIntegerKey
{
    Task<int> Ping(int value);

    /// <summary>The silo port of the silo this activation runs on, so a benchmark can choose grains on a given silo.</summary>
    Task<int> SiloPort();
}

/// <summary>Random placement: over enough keys, both silos hold some; the benchmark keeps those on the callee silo.</summary>
[RandomPlacement]
public sealed class BenchPingGrain(IOptions<EndpointOptions> endpoints) : Grain, IBenchPingGrain
{
    private long _handled;

    public Task<int> Ping(int value)
    {
        _handled++;
        return Task.FromResult(value);
    }

    public Task<int> SiloPort() => Task.FromResult(endpoints.Value.SiloPort);
}
