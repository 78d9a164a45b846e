namespace Granary.Runtime;

/// <summary>
/// A grain that carries in-memory state when the runtime moves it to another silo: its fields are written into the
/// dehydration context after its last turn on the old silo and read back before its first turn on the new one.
/// Persistent state needs nothing from the grain: the runtime carries it (value and ETag) without a storage read.
/// </summary>
public interface IGrainMigrationParticipant
{
    /// <summary>Called after the last turn on the old silo, after <c>OnDeactivateAsync</c>: add what must survive the move.</summary>
    void OnDehydrate(IDehydrationContext dehydrationContext);

    /// <summary>Called on the new silo before <c>OnActivateAsync</c>: take back what <see cref="OnDehydrate"/> added.</summary>
    void OnRehydrate(IRehydrationContext rehydrationContext);
}

/// <summary>Named values a migrating grain hands to its next activation; each is serialized with the grain's codecs.</summary>
public interface IDehydrationContext
{
    /// <summary>The grain being moved.</summary>
    GrainId GrainId { get; }

    /// <summary>Adds a value under <paramref name="key"/>; false when the key is taken.</summary>
    bool TryAddValue<T>(string key, T value);
}

/// <summary>The named values a migrated grain's previous activation added.</summary>
public interface IRehydrationContext
{
    /// <summary>The grain being moved.</summary>
    GrainId GrainId { get; }

    /// <summary>The keys added on the old silo.</summary>
    IEnumerable<string> Keys { get; }

    /// <summary>Reads the value added under <paramref name="key"/>; false when there is none.</summary>
    bool TryGetValue<T>(string key, out T? value);
}
