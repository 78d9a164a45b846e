using Granary.SystemTargets;

namespace Granary.Reminders;

/// <summary>
/// What a silo tells the silo that fires a reminder when the reminder was registered, changed or removed through
/// another silo, so the owner need not wait for its next periodic read of the table.
/// </summary>
internal interface IReminderTarget : ISystemTarget
{
    /// <summary>Re-reads the reminder's row: schedules it if present, drops its timer if not.</summary>
    [Concurrency.OneWay]
    Task ReminderChanged(string grainId, string reminderName);
}
