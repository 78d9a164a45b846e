namespace Granary.Runtime;

/// <summary>
/// A call would wait on itself: it re-enters a non-reentrant grain that is already waiting further up the
/// same call chain. Raised immediately instead of hanging until the request times out.
/// </summary>
public sealed class DeadlockException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DeadlockException() : this("A call would deadlock.") { }

    /// <summary>Creates the exception with a message.</summary>
    public DeadlockException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public DeadlockException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception describing the call chain, outermost caller first.</summary>
    public DeadlockException(IReadOnlyList<string> callChain, string target)
        : base($"Deadlock: {string.Join(" -> ", callChain)} -> {target}. {target} is not reentrant and is already waiting in this call chain. "
            + "Mark the grain [Reentrant], the method [AlwaysInterleave], or make the call inside RequestContext.AllowCallChainReentrancy().")
    {
        CallChain = callChain;
    }

    /// <summary>The grains of the chain, outermost caller first.</summary>
    public IReadOnlyList<string> CallChain { get; } = [];
}

/// <summary>The target silo or grain could not be reached; the call was not executed.</summary>
public sealed class SiloUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SiloUnavailableException() : this("The silo is unavailable.") { }

    /// <summary>Creates the exception with a message.</summary>
    public SiloUnavailableException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SiloUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
