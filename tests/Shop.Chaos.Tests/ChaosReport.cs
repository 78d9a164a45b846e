using System.Collections.Concurrent;
using Xunit.Abstractions;

namespace Shop.Chaos.Tests;

/// <summary>What happened during a chaos run, counted as it happens (clients and the chaos driver write concurrently).</summary>
internal sealed class ChaosReport
{
    private readonly ConcurrentDictionary<string, int> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _gaveUp = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<TimeSpan> _declaredDead = new();
    private readonly ConcurrentQueue<TimeSpan> _rejoined = new();
    private readonly ConcurrentQueue<string> _notes = new();
    private long _attempts;
    private int _kills;
    private int _restarts;

    public int Kills => _kills;

    public void Attempted() => Interlocked.Increment(ref _attempts);

    public void Answered(string operation, Reply reply) => _answers.AddOrUpdate($"{operation} {reply.Status}", 1, (_, n) => n + 1);

    public void Failed(string kind) => _failures.AddOrUpdate(kind, 1, (_, n) => n + 1);

    public void GaveUp(string operation) => _gaveUp.AddOrUpdate(operation, 1, (_, n) => n + 1);

    public void Killed() => Interlocked.Increment(ref _kills);

    public void Restarted(TimeSpan untilActive)
    {
        Interlocked.Increment(ref _restarts);
        _rejoined.Enqueue(untilActive);
    }

    public void DeclaredDead(TimeSpan afterKill) => _declaredDead.Enqueue(afterKill);

    public void Note(string line) => _notes.Enqueue(line);

    public void Print(ITestOutputHelper output)
    {
        var acknowledged = _answers.Where(a => a.Key.EndsWith(" 200", StringComparison.Ordinal) || a.Key.EndsWith(" 201", StringComparison.Ordinal) || a.Key.EndsWith(" 202", StringComparison.Ordinal)).Sum(a => a.Value);
        output.WriteLine($"requests sent: {_attempts}; answered: {_answers.Values.Sum()} (2xx {acknowledged}); gave up: {_gaveUp.Values.Sum()}");
        output.WriteLine($"answers by operation and status: {Join(_answers)}");
        output.WriteLine($"failed attempts (retried) by kind: {Join(_failures)}");
        if (!_gaveUp.IsEmpty) output.WriteLine($"gave up by operation: {Join(_gaveUp)}");
        output.WriteLine($"kills (SIGKILL): {_kills}; restarts: {_restarts}");
        output.WriteLine($"killed silo declared Dead after: {Figures(_declaredDead)}");
        output.WriteLine($"restarted silo Active after: {Figures(_rejoined)}");
        foreach (var note in _notes) output.WriteLine(note);
    }

    private static string Join(ConcurrentDictionary<string, int> counts) =>
        counts.IsEmpty ? "none" : string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}"));

    private static string Figures(IEnumerable<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        if (sorted.Count == 0) return "n/a";
        return $"median {sorted[sorted.Count / 2].TotalSeconds:0.00} s, max {sorted[^1].TotalSeconds:0.00} s over {sorted.Count}";
    }
}
