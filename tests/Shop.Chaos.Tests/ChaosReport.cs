using System.Collections.Concurrent;

namespace Shop.Chaos.Tests;

/// <summary>What happened during a chaos run, counted as it happens (shoppers and the chaos driver write concurrently).</summary>
internal sealed class ChaosReport
{
    private readonly ConcurrentDictionary<string, int> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _retried = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _gaveUp = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<TimeSpan> _declaredDead = new();
    private readonly ConcurrentQueue<string> _notes = new();
    private long _attempts;
    private int _kills;
    private int _restarts;

    public long Attempts => Interlocked.Read(ref _attempts);

    public int Requests => _answers.Values.Sum() + GaveUp;

    public int Acknowledged => _answers.Where(a => a.Key.EndsWith(" 2xx", StringComparison.Ordinal)).Sum(a => a.Value);

    /// <summary>Logical requests that never got a definite answer: what a client saw fail after all its retries.</summary>
    public int GaveUp => _gaveUp.Values.Sum();

    public int Kills => _kills;

    public void Attempted() => Interlocked.Increment(ref _attempts);

    public void Answered(string operation, Reply reply) =>
        Count(_answers, reply.Acknowledged ? $"{operation} 2xx" : $"{operation} {reply.Status}");

    public void Retried(string kind) => Count(_retried, kind);

    public void GaveUpOn(string operation) => Count(_gaveUp, operation);

    public void Killed() => Interlocked.Increment(ref _kills);

    public void Restarted() => Interlocked.Increment(ref _restarts);

    public void DeclaredDead(TimeSpan afterKill) => _declaredDead.Enqueue(afterKill);

    public void Note(string line) => _notes.Enqueue(line);

    public IEnumerable<string> Lines()
    {
        yield return $"requests {Requests} (HTTP attempts {Attempts}); acknowledged {Acknowledged}; failed after retries {GaveUp}";
        yield return $"answers by operation: {Join(_answers)}";
        yield return $"attempts retried, by cause: {Join(_retried)}";
        if (!_gaveUp.IsEmpty) yield return $"gave up, by operation: {Join(_gaveUp)}";
        yield return $"kills (SIGKILL) {_kills}; restarts {_restarts}; killed silo's row Dead after {Figures(_declaredDead)}";
        foreach (var note in _notes) yield return note;
    }

    private static void Count(ConcurrentDictionary<string, int> counts, string key) => counts.AddOrUpdate(key, 1, (_, n) => n + 1);

    private static string Join(ConcurrentDictionary<string, int> counts) =>
        counts.IsEmpty ? "none" : string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}"));

    private static string Figures(IEnumerable<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        return sorted.Count == 0
            ? "n/a"
            : $"median {sorted[sorted.Count / 2].TotalSeconds:0.00} s, max {sorted[^1].TotalSeconds:0.00} s (n={sorted.Count})";
    }
}
