namespace Granary.Runtime.Tests;

/// <summary>Waits for a condition on runtime state that no signal reports, such as a queue length.</summary>
internal static class Eventually
{
    public static async Task True(Func<bool> condition, string description)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting until {description}.");
            await Task.Yield();
        }
    }
}
