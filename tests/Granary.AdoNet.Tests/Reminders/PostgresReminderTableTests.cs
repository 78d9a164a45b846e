using Granary.AdoNet.Reminders;
using Granary.Conformance.Reminders;
using Granary.Reminders;

namespace Granary.AdoNet.Tests.Reminders;

public sealed class PostgresReminderTableTests(SchemaFixture schema) : ReminderTableConformance, IClassFixture<SchemaFixture>
{
    protected override IReminderTable CreateTable() => new AdoNetReminderTable("conformance", Postgres.Database(schema.ConnectionString));
}
