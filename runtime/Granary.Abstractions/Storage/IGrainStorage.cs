using Granary.Runtime;

namespace Granary.Storage;

/// <summary>The state of one grain as a storage provider sees it.</summary>
public interface IGrainState<T>
{
    /// <summary>The state value.</summary>
    T State { get; set; }

    /// <summary>The stored version; null when no record exists.</summary>
    string? ETag { get; set; }

    /// <summary>True when a record exists.</summary>
    bool RecordExists { get; set; }
}

/// <summary>A plain holder of grain state for providers and tests.</summary>
public sealed class GrainState<T>(T state) : IGrainState<T>
{
    /// <inheritdoc />
    public T State { get; set; } = state;

    /// <inheritdoc />
    public string? ETag { get; set; }

    /// <inheritdoc />
    public bool RecordExists { get; set; }
}

/// <summary>
/// Stores grain state. Every write and clear is conditional on the caller's ETag (optimistic concurrency);
/// a mismatch throws <see cref="InconsistentStateException"/> and changes nothing.
/// </summary>
public interface IGrainStorage
{
    /// <summary>Reads the state into <paramref name="grainState"/>; leaves a new state, a null ETag and RecordExists false when none is stored.</summary>
    Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken);

    /// <summary>Writes the state if the stored ETag equals <see cref="IGrainState{T}.ETag"/>, then sets the new ETag.</summary>
    Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken);

    /// <summary>Removes the state if the stored ETag equals <see cref="IGrainState{T}.ETag"/>.</summary>
    Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken);
}

/// <summary>The stored version differs from the one the writer read: another writer got there first.</summary>
public sealed class InconsistentStateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InconsistentStateException() : this("The stored state changed since it was read.") { }

    /// <summary>Creates the exception with a message.</summary>
    public InconsistentStateException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public InconsistentStateException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception naming both versions.</summary>
    public InconsistentStateException(string message, string? storedEtag, string? currentEtag)
        : base($"{message} Stored ETag: '{storedEtag ?? "(none)"}', ETag of the write: '{currentEtag ?? "(none)"}'.")
    {
        StoredEtag = storedEtag;
        CurrentEtag = currentEtag;
    }

    /// <summary>The version in storage.</summary>
    public string? StoredEtag { get; }

    /// <summary>The version the failed write expected.</summary>
    public string? CurrentEtag { get; }
}
