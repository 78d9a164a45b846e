using Granary.Conformance.Reminders;
using Granary.Reminders;

namespace Granary.Runtime.Tests.Reminders;

public sealed class InMemoryReminderTableTests : ReminderTableConformance
{
    protected override IReminderTable CreateTable() => new InMemoryReminderTable();
}
