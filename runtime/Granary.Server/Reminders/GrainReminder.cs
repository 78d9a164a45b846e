using Granary.Runtime;

namespace Granary.Reminders;

/// <summary>The handle a grain gets for a registered reminder; the ETag makes unregistering conditional.</summary>
internal sealed record GrainReminder(GrainId GrainId, string ReminderName, string ETag) : IGrainReminder
{
    public static GrainReminder From(ReminderEntry entry) => new(entry.GrainId, entry.ReminderName, entry.ETag!);
}
