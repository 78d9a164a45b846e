using Granary.AdoNet.Membership;
using Granary.Conformance.Membership;
using Granary.Membership;

namespace Granary.AdoNet.Tests.Membership;

public sealed class PostgresMembershipTableTests(SchemaFixture schema) : MembershipTableConformance, IClassFixture<SchemaFixture>
{
    protected override async Task<IMembershipTable> CreateTableAsync(string clusterId)
    {
        var table = new AdoNetMembershipTable(clusterId, Postgres.Database(schema.ConnectionString));
        await table.InitializeAsync(CancellationToken.None);
        return table;
    }
}
