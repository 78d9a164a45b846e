using Granary.Runtime;

namespace Granary;

/// <summary>
/// A grain that receives durable reminders. Implement it on the grain class (or its grain interface) and
/// register reminders with <see cref="GrainReminderExtensions.RegisterOrUpdateReminder"/>. Reminders live in
/// the reminder table, so they outlive activations, silo failures and restarts; a due reminder activates the grain.
/// </summary>
public interface IRemindable : IGrain
{
    /// <summary>Called by the runtime when the reminder named <paramref name="reminderName"/> is due.</summary>
    Task ReceiveReminder(string reminderName, TickStatus status);
}
