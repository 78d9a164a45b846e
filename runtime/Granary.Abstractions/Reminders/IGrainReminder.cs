namespace Granary.Runtime;

/// <summary>A handle to a registered reminder; pass it to <see cref="GrainReminderExtensions.UnregisterReminder"/>.</summary>
public interface IGrainReminder
{
    /// <summary>The reminder's name, unique per grain.</summary>
    string ReminderName { get; }
}

/// <summary>A reminder operation failed: for example, the reminder changed or disappeared since it was read.</summary>
public sealed class ReminderException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReminderException() : this("A reminder operation failed.") { }

    /// <summary>Creates the exception with a message.</summary>
    public ReminderException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ReminderException(string message, Exception innerException) : base(message, innerException) { }
}
