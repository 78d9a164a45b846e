using System.Collections.Concurrent;
using Granary.AdoNet.Database;
using Npgsql;

namespace Granary.AdoNet.Tests.Storage;

/// <summary>Scripted failures: the test says which attempt of which operation fails, and when.</summary>
internal sealed class Faults : IAdoNetFaults
{
    private readonly ConcurrentDictionary<(string Operation, int Attempt), Func<Task>> _before = new();
    private readonly ConcurrentDictionary<(string Operation, int Attempt), Func<Task>> _after = new();
    private int _attempts;

    /// <summary>Every attempt fails before running while true, as if the database were down.</summary>
    public bool DatabaseDown { get; set; }

    /// <summary>Attempts that reached the database (or the simulated outage).</summary>
    public int Attempts => _attempts;

    public static NpgsqlException ConnectionLost() => new("Simulated: the connection was reset", new IOException("Connection reset by peer"));

    /// <summary>Fails attempt <paramref name="attempt"/> of <paramref name="operation"/> after it committed, running <paramref name="meanwhile"/> first.</summary>
    public void LoseOutcome(string operation, int attempt, Func<Task>? meanwhile = null) => _after[(operation, attempt)] = async () =>
    {
        if (meanwhile is not null) await meanwhile();
        throw ConnectionLost();
    };

    /// <summary>Fails attempt <paramref name="attempt"/> of <paramref name="operation"/> before it runs.</summary>
    public void FailBefore(string operation, int attempt) => _before[(operation, attempt)] = () => throw ConnectionLost();

    public async ValueTask BeforeAttemptAsync(string operation, int attempt)
    {
        Interlocked.Increment(ref _attempts);
        if (DatabaseDown) throw ConnectionLost();
        if (_before.TryRemove((operation, attempt), out var fault)) await fault();
    }

    public async ValueTask AfterAttemptAsync(string operation, int attempt)
    {
        if (_after.TryRemove((operation, attempt), out var fault)) await fault();
    }
}
