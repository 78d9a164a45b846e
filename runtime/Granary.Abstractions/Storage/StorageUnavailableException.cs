namespace Granary.Storage;

/// <summary>
/// The storage behind a grain's state or reminders cannot be reached now (database down, failing over, or
/// timing out after retries). Nothing was changed, or the change is unknown and resolved on a later write; the
/// call may be retried once the storage is back.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StorageUnavailableException() : this("The storage is unavailable.") { }

    /// <summary>Creates the exception with a message.</summary>
    public StorageUnavailableException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the last failure.</summary>
    public StorageUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
