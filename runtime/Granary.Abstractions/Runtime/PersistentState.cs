namespace Granary.Runtime;

/// <summary>Durable state of a grain: read at activation, written explicitly by the grain.</summary>
public interface IStorage
{
    /// <summary>The version of the stored record this state was read from or last written as; null if none.</summary>
    string? Etag { get; }

    /// <summary>True when a record exists in storage.</summary>
    bool RecordExists { get; }

    /// <summary>Re-reads the state from storage.</summary>
    Task ReadStateAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the state. Fails with <see cref="Storage.InconsistentStateException"/> when storage holds a
    /// version other than <see cref="Etag"/>: someone else wrote in between.
    /// </summary>
    Task WriteStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes the state from storage and resets it to a new instance.</summary>
    Task ClearStateAsync(CancellationToken cancellationToken = default);
}

/// <summary>Durable state of a grain with its value.</summary>
public interface IStorage<TState> : IStorage
{
    /// <summary>The state value; a new instance when nothing is stored.</summary>
    TState State { get; set; }
}

/// <summary>Durable state injected into a grain constructor with <see cref="PersistentStateAttribute"/>.</summary>
public interface IPersistentState<TState> : IStorage<TState>;

/// <summary>
/// Marks a grain constructor parameter of type <see cref="IPersistentState{TState}"/>: the runtime
/// reads it from the named grain storage before <c>OnActivateAsync</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    /// <summary>The name of the state within the grain; one grain may have several.</summary>
    public string StateName { get; } = stateName;

    /// <summary>The name of the grain storage provider; null for the default provider.</summary>
    public string? StorageName { get; } = storageName;
}
