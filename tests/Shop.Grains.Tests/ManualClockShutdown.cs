using Granary.Testing;

namespace Shop.Grains.Tests;

/// <summary>
/// Stops a cluster that runs on a manual clock. Shutdown waits for work that is itself waiting on that clock (a
/// stream partition's read waits up to its poll interval), so the clock must keep moving until the host has stopped;
/// otherwise the stop only ends at the host's 30-second shutdown timeout.
/// </summary>
public static class ManualClockShutdown
{
    public static async Task DisposeAsync(TestCluster cluster, ManualTimeProvider time)
    {
        var stopping = cluster.DisposeAsync().AsTask();
        for (var step = 0; !stopping.IsCompleted && step < 10_000; step++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        await stopping;
    }
}
