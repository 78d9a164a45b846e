using Granary.Runtime;

namespace Granary.Reminders;

/// <summary>
/// Durable storage of reminders, shared by every silo of a service. Implementations are the in-memory table
/// (tests, development) and database tables. Every change returns a new ETag; removal is conditional on it.
/// </summary>
public interface IReminderTable
{
    /// <summary>The reminders of one grain.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken);

    /// <summary>
    /// The reminders of grains whose <see cref="GrainIdHashing.GetUniformHashCode"/> lies in
    /// [<paramref name="firstHash"/>, <paramref name="lastHash"/>] (both inclusive; <paramref name="firstHash"/> &lt;= <paramref name="lastHash"/>).
    /// </summary>
    Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(uint firstHash, uint lastHash, CancellationToken cancellationToken);

    /// <summary>One reminder, or null.</summary>
    Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces a reminder (its <see cref="ReminderEntry.ETag"/> is ignored); returns the new ETag.</summary>
    Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken);

    /// <summary>Removes a reminder if its stored ETag is <paramref name="eTag"/>; false when it is absent or has another ETag.</summary>
    Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken);
}

/// <summary>One stored reminder.</summary>
public sealed record ReminderEntry
{
    /// <summary>The grain the reminder calls.</summary>
    public required GrainId GrainId { get; init; }

    /// <summary>The reminder's name, unique per grain.</summary>
    public required string ReminderName { get; init; }

    /// <summary>When the reminder is first due (UTC); later ticks are this plus whole periods.</summary>
    public required DateTime StartAt { get; init; }

    /// <summary>The time between ticks.</summary>
    public required TimeSpan Period { get; init; }

    /// <summary>The stored version; null for an entry not read from a table.</summary>
    public string? ETag { get; init; }
}
