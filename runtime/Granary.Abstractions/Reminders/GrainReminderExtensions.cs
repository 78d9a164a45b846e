using Granary.Runtime;
using Granary.Timers;

namespace Granary;

/// <summary>Durable reminders for grains, as in Orleans: <c>this.RegisterOrUpdateReminder(...)</c>.</summary>
public static class GrainReminderExtensions
{
    /// <summary>
    /// Registers a durable reminder that calls <see cref="IRemindable.ReceiveReminder"/> after <paramref name="dueTime"/>
    /// and then every <paramref name="period"/>, or reschedules it if one with that name exists. The grain must
    /// implement <see cref="IRemindable"/>; the period must be at least the silo's minimum reminder period.
    /// </summary>
    public static Task<IGrainReminder> RegisterOrUpdateReminder(this IGrainBase grain, string reminderName, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reminderName);
        if (grain is not IRemindable)
            throw new InvalidOperationException($"Grain {grain.GrainContext.GrainId} ({grain.GetType().Name}) does not implement IRemindable; a grain must implement it to register reminders.");
        return Registry(grain).RegisterOrUpdateReminder(grain.GrainContext.GrainId, reminderName, dueTime, period, cancellationToken);
    }

    /// <summary>Removes a reminder, so it no longer fires.</summary>
    public static Task UnregisterReminder(this IGrainBase grain, IGrainReminder reminder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return Registry(grain).UnregisterReminder(grain.GrainContext.GrainId, reminder, cancellationToken);
    }

    /// <summary>The reminder of this grain named <paramref name="reminderName"/>, or null when none is registered.</summary>
    public static Task<IGrainReminder?> GetReminder(this IGrainBase grain, string reminderName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reminderName);
        return Registry(grain).GetReminder(grain.GrainContext.GrainId, reminderName, cancellationToken);
    }

    /// <summary>Every reminder of this grain.</summary>
    public static Task<IReadOnlyList<IGrainReminder>> GetReminders(this IGrainBase grain, CancellationToken cancellationToken = default) =>
        Registry(grain).GetReminders(grain.GrainContext.GrainId, cancellationToken);

    private static IReminderRegistry Registry(IGrainBase grain) =>
        grain.GrainContext.ActivationServices.GetService(typeof(IReminderRegistry)) as IReminderRegistry
        ?? throw new InvalidOperationException(
            "No reminder service is configured. Add one to the silo: silo.UseInMemoryReminderService() or silo.UseAdoNetReminderService(...).");
}
