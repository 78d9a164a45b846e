using Granary.Runtime;

namespace Granary.Streaming.Tests;

/// <summary>Polls a condition no signal reports (cluster convergence, persisted state) until it holds or a deadline passes.</summary>
internal static class Until
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    public static Task True(Func<bool> condition, string description) => True(() => Task.FromResult(condition()), description);

    /// <summary>Exceptions count as "not yet": a grain on a silo just killed fails calls until membership declares it dead.</summary>
    public static async Task True(Func<Task<bool>> condition, string description)
    {
        var deadline = DateTime.UtcNow + Patience;
        Exception? last = null;
        while (true)
        {
            try
            {
                if (await condition()) return;
            }
            catch (Exception exception) when (exception is SiloUnavailableException or TimeoutException)
            {
                last = exception;
            }

            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting until {description}. Last error: {last?.Message ?? "none"}");
            await Task.Delay(50);
        }
    }
}
