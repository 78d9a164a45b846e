namespace Shop.Grains.Tests;

/// <summary>Waits for grain state that no signal reports (work a timer or reminder started) by re-reading it, never by sleeping.</summary>
public static class Eventually
{
    public static async Task<T> Matches<T>(Func<Task<T>> read, Func<T, bool> condition, string description)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var value = await read();
            if (condition(value)) return value;
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting until {description}; last value: {value}.");
            await Task.Yield();
        }
    }
}
