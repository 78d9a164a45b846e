using System.Diagnostics;
using Orleans.Concurrency;

namespace Shop.Cluster.Benchmarks.Grains;

/// <summary>Answers with the identity of the silo it runs on.</summary>
[Alias("bench.IBenchPingGrain")]
public interface IBenchPingGrain : IGrainWithIntegerKey
{
    [Alias("Ping")]
    Task<string> Ping();
}

/// <summary>Calls ping grains on another silo at a given concurrency for a while, from inside a silo.</summary>
[Alias("bench.IBenchDriverGrain")]
public interface IBenchDriverGrain : IGrainWithIntegerKey
{
    [Alias("Run")]
    Task<double> Run(int concurrency, TimeSpan duration);
}

[Reentrant]
internal sealed class BenchPingGrain : Grain, IBenchPingGrain
{
    public Task<string> Ping() => Task.FromResult(RuntimeIdentity);
}

[Reentrant]
internal sealed class BenchDriverGrain : Grain, IBenchDriverGrain
{
    public async Task<double> Run(int concurrency, TimeSpan duration)
    {
        // Ping grains placed on the other silo (random placement puts about half there).
        var remote = new List<IBenchPingGrain>();
        for (var key = 0L; remote.Count < concurrency && key < 100_000; key++)
        {
            var grain = GrainFactory.GetGrain<IBenchPingGrain>(key);
            if (await grain.Ping() != RuntimeIdentity) remote.Add(grain);
        }

        var calls = 0L;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(remote.Select(async grain =>
        {
            while (watch.Elapsed < duration)
            {
                await grain.Ping();
                Interlocked.Increment(ref calls);
            }
        }));
        return calls / watch.Elapsed.TotalSeconds;
    }
}
