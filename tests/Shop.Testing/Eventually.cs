namespace Shop.Testing;

/// <summary>Waits for state that no signal reports (work a timer, reminder or stream started) by re-reading it, never by sleeping.</summary>
public static class Eventually
{
    /// <summary>Re-reads <paramref name="read"/> until <paramref name="condition"/> holds; fails after 30 s with the last value read.</summary>
    public static async Task<T> Matches<T>(Func<Task<T>> read, Func<T, bool> condition, string description)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = await read();
            if (condition(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting until {description}; last value: {value}.");
            await Task.Yield();
        }
    }
}
