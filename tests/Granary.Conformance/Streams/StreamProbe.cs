using System.Collections.Concurrent;

namespace Granary.Conformance.Streams;

/// <summary>
/// What the conformance grains saw, per grain key, in order. Tests wait for an explicit condition on it;
/// every wait is bounded and fails the test instead of hanging.
/// </summary>
public sealed class StreamProbe
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly ConcurrentDictionary<string, List<string>> _seen = new();
    private readonly ConcurrentDictionary<string, int> _counters = new();
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = NewSignal();

    public void Record(string key, string entry)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _seen.GetOrAdd(key, _ => []).Add(entry);
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    public int Increment(string counter)
    {
        var value = _counters.AddOrUpdate(counter, 1, (_, n) => n + 1);
        Record("counter:" + counter, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return value;
    }

    public int Count(string counter) => _counters.GetValueOrDefault(counter);

    public IReadOnlyList<string> Seen(string key)
    {
        lock (_lock) return _seen.TryGetValue(key, out var list) ? [.. list] : [];
    }

    /// <summary>Waits until <paramref name="key"/> has seen <paramref name="entry"/>; returns everything it saw.</summary>
    public Task<IReadOnlyList<string>> WaitFor(string key, string entry) => WaitUntil(key, seen => seen.Contains(entry), $"'{key}' saw '{entry}'");

    /// <summary>Waits until <paramref name="key"/> has seen at least <paramref name="count"/> entries.</summary>
    public Task<IReadOnlyList<string>> WaitForCount(string key, int count) => WaitUntil(key, seen => seen.Count >= count, $"'{key}' saw {count} entries");

    public async Task<IReadOnlyList<string>> WaitUntil(string key, Func<IReadOnlyList<string>, bool> condition, string description)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            Task changed;
            IReadOnlyList<string> seen;
            lock (_lock)
            {
                seen = _seen.TryGetValue(key, out var list) ? [.. list] : [];
                changed = _changed.Task;
            }

            if (condition(seen)) return seen;
            try
            {
                await changed.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Timed out waiting until {description}; it saw [{string.Join(", ", seen)}].");
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
