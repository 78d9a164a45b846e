namespace Granary;

/// <summary>
/// Stands in for a remote exception whose type this process cannot load or construct. It keeps the
/// original type name, message and remote stack trace, so the failure stays diagnosable.
/// </summary>
public sealed class UnknownRemoteException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UnknownRemoteException() : this("A remote call failed with an exception of an unknown type.") { }

    /// <summary>Creates the exception with a message.</summary>
    public UnknownRemoteException(string message) : this(message, null) { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public UnknownRemoteException(string message, Exception? innerException) : this("unknown", message, null, innerException) { }

    /// <summary>Creates the stand-in for a remote exception of type <paramref name="originalTypeName"/>.</summary>
    public UnknownRemoteException(string originalTypeName, string message, string? remoteStackTrace, Exception? innerException)
        : base(message, innerException)
    {
        OriginalTypeName = originalTypeName;
        RemoteStackTrace = remoteStackTrace;
    }

    /// <summary>The wire name of the exception type thrown remotely.</summary>
    public string OriginalTypeName { get; }

    /// <summary>The stack trace of the remote exception, when it had one.</summary>
    public string? RemoteStackTrace { get; }

    /// <inheritdoc />
    public override string ToString() => $"{base.ToString()}{Environment.NewLine}(Remote exception type: {OriginalTypeName})";
}
