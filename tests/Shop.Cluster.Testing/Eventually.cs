using System.Diagnostics;

namespace Shop.Cluster.Testing;

/// <summary>Polls observable state (the membership table, a process, an HTTP call) until it holds or a deadline passes.</summary>
public static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Returns how long it took; throws naming <paramref name="what"/> when the deadline passes.</summary>
    public static async Task<TimeSpan> HoldsAsync(string what, TimeSpan deadline, Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (await condition()) return watch.Elapsed;
            if (watch.Elapsed > deadline) throw new TimeoutException($"Not within {deadline.TotalSeconds:0.#} s: {what}.");
            await Task.Delay(PollInterval);
        }
    }
}
