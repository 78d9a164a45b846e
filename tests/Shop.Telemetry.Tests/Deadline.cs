namespace Shop.Telemetry.Tests;

/// <summary>Waits for what no signal reports (spans of asynchronous stream deliveries, a page's polling) by re-reading it until a deadline.</summary>
public static class Deadline
{
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> condition, string description, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (condition(value)) return value;
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out after {seconds} s waiting until {description}.");
            await Task.Delay(25);
        }
    }

    public static Task<T> Until<T>(Func<T> read, Func<T, bool> condition, string description, int seconds = 20) =>
        Until(() => Task.FromResult(read()), condition, description, seconds);
}
