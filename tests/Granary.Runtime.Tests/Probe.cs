using System.Collections.Concurrent;

namespace Granary.Runtime.Tests;

/// <summary>
/// What test grains report to the test: events in order and named signals. Grains get it from DI;
/// tests await signals instead of sleeping.
/// </summary>
public sealed class Probe
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new();
    private readonly ConcurrentQueue<string> _events = new();
    private readonly ConcurrentDictionary<string, int> _counters = new();

    public IReadOnlyList<string> Events => [.. _events];

    public void Record(string @event) => _events.Enqueue(@event);

    public int Increment(string counter) => _counters.AddOrUpdate(counter, 1, (_, n) => n + 1);

    public int Count(string counter) => _counters.GetValueOrDefault(counter);

    public void Signal(string name) => Get(name).TrySetResult();

    public bool IsSignalled(string name) => Get(name).Task.IsCompleted;

    /// <summary>Waits for a signal; fails the test rather than hanging when it never comes.</summary>
    public Task WaitFor(string name) => Get(name).Task.WaitAsync(Patience);

    /// <summary>Reports that <paramref name="gate"/> was entered, then waits until the test opens it.</summary>
    public async Task Pass(string gate)
    {
        Signal($"entered:{gate}");
        await WaitFor($"open:{gate}");
    }

    public void Open(string gate) => Signal($"open:{gate}");

    public Task Entered(string gate) => WaitFor($"entered:{gate}");

    private TaskCompletionSource Get(string name) =>
        _signals.GetOrAdd(name, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
