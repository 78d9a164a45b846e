namespace Shop.Database.Tests.Infrastructure;

/// <summary>Polls a condition that another process (a silo, the database) makes true, until a deadline.</summary>
internal static class Eventually
{
    public static async Task<T> MatchAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}; last value: {value}");
            }

            await timer.WaitForNextTickAsync();
        }
    }
}
