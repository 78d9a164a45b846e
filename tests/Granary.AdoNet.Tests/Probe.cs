using System.Collections.Concurrent;

namespace Granary.AdoNet.Tests;

/// <summary>What test grains report: counters and named signals. Tests await signals instead of sleeping.</summary>
public sealed class Probe
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new();
    private readonly ConcurrentDictionary<string, int> _counters = new();
    private readonly ConcurrentQueue<string> _events = new();

    public IReadOnlyList<string> Events => [.. _events];

    public void Record(string @event) => _events.Enqueue(@event);

    public int Increment(string counter) => _counters.AddOrUpdate(counter, 1, (_, n) => n + 1);

    public int Count(string counter) => _counters.GetValueOrDefault(counter);

    public void Signal(string name) => Get(name).TrySetResult();

    public bool IsSignalled(string name) => Get(name).Task.IsCompleted;

    public Task WaitFor(string name) => Get(name).Task.WaitAsync(Patience);

    private TaskCompletionSource Get(string name) =>
        _signals.GetOrAdd(name, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
