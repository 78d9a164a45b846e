using Granary.Conformance.Storage;
using Granary.Storage;

namespace Granary.AdoNet.Tests.Storage;

public sealed class PostgresGrainStorageTests(SchemaFixture schema) : GrainStorageConformance, IClassFixture<SchemaFixture>
{
    protected override IGrainStorage CreateStorage() => Postgres.Storage(schema.ConnectionString, "conformance");
}
