using Orleans;

namespace Shop.Storage;

/// <summary>
/// A grain's state could not be read or written because its database was out of reach for the moment (down,
/// restarting, out of connections). Nothing was stored; the same call may be retried once the database is back.
/// It crosses grain calls intact, unlike the driver's own exceptions, so a caller can tell it from a fault in the shop.
/// </summary>
[GenerateSerializer]
[Alias("shop.storage.StorageUnavailableException")]
public sealed class StorageUnavailableException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public StorageUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message naming the storage, the state and the database's answer.</summary>
    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
