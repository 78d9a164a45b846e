using Granary.Runtime;

namespace Granary.Timers;

/// <summary>
/// The silo's reminder service as grains see it. Grains use the <see cref="GrainReminderExtensions"/>
/// methods rather than this interface; it is resolved from the activation's services.
/// </summary>
public interface IReminderRegistry
{
    /// <summary>Registers a reminder of <paramref name="grainId"/>, or changes its schedule if it exists.</summary>
    Task<IGrainReminder> RegisterOrUpdateReminder(GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken = default);

    /// <summary>Removes a reminder; fails with <see cref="ReminderException"/> when it changed since <paramref name="reminder"/> was read.</summary>
    Task UnregisterReminder(GrainId grainId, IGrainReminder reminder, CancellationToken cancellationToken = default);

    /// <summary>The reminder named <paramref name="reminderName"/>, or null.</summary>
    Task<IGrainReminder?> GetReminder(GrainId grainId, string reminderName, CancellationToken cancellationToken = default);

    /// <summary>Every reminder of <paramref name="grainId"/>.</summary>
    Task<IReadOnlyList<IGrainReminder>> GetReminders(GrainId grainId, CancellationToken cancellationToken = default);
}
