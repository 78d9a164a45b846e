using Granary.AdoNet.Membership;
using Granary.Conformance.Membership;
using Granary.Membership;

namespace Granary.AdoNet.Tests.Membership;

/// <summary>The membership protocol's scenarios (joins, votes, self-stop, whole-cluster restart with stale rows) over PostgreSQL.</summary>
public sealed class PostgresMembershipProtocolTests(SchemaFixture schema) : MembershipProtocolConformance, IClassFixture<SchemaFixture>
{
    protected override async Task<IMembershipTable> CreateTableAsync()
    {
        var table = new AdoNetMembershipTable($"protocol-{Guid.NewGuid():N}", Postgres.Database(schema.ConnectionString));
        await table.InitializeAsync(CancellationToken.None);
        return table;
    }
}
