using Granary.Cluster.Benchmarks.Grains;

namespace Granary.Cluster.Benchmarks.Scenarios;

/// <summary>Finds ping grains whose activation lives on a given silo, by activating keys and asking each where it runs.</summary>
internal static class GrainLocator
{
    private const int Batch = 64;

    public static async Task<IBenchPingGrain[]> OnSiloAsync(IGrainFactory grains, int siloPort, int count, long firstKey)
    {
        var found = new List<IBenchPingGrain>(count);
        for (var key = firstKey; found.Count < count; key += Batch)
        {
            if (key - firstKey > 100L * count + 1000) throw new InvalidOperationException($"Too few grains were placed on the silo at port {siloPort}.");
            var batch = Enumerable.Range(0, Batch).Select(i => grains.GetGrain<IBenchPingGrain>(key + i)).ToArray();
            var ports = await Task.WhenAll(batch.Select(g => g.SiloPort()));
            found.AddRange(batch.Where((_, i) => ports[i] == siloPort));
        }

        return [.. found.Take(count)];
    }
}
