namespace Granary.Runtime;

/// <summary>Why an activation is being deactivated.</summary>
public enum DeactivationReasonCode
{
    /// <summary>No reason given.</summary>
    None,

    /// <summary>The activation was idle for longer than its collection age.</summary>
    ActivationIdle,

    /// <summary>The grain asked for it (DeactivateOnIdle).</summary>
    ApplicationRequested,

    /// <summary>The silo is shutting down.</summary>
    ShuttingDown,

    /// <summary>Activation failed; the activation never became valid.</summary>
    ActivationFailed,

    /// <summary>The runtime is moving the grain elsewhere.</summary>
    Migrating,

    /// <summary>The runtime asked for it for another reason (see the description).</summary>
    RuntimeRequested,
}

/// <summary>Why an activation is being deactivated, with a human-readable description.</summary>
public readonly record struct DeactivationReason(DeactivationReasonCode ReasonCode, string Description, Exception? Exception = null)
{
    /// <inheritdoc />
    public override string ToString() => Exception is null
        ? $"{ReasonCode}: {Description}"
        : $"{ReasonCode}: {Description} ({Exception.GetType().Name}: {Exception.Message})";
}
