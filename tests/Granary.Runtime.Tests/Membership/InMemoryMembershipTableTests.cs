using Granary.Conformance.Membership;
using Granary.Membership;

namespace Granary.Runtime.Tests.Membership;

public sealed class InMemoryMembershipTableTests : MembershipTableConformance
{
    // One in-memory table is one cluster: silos of a cluster share the instance, other clusters have their own.
    private readonly Dictionary<string, InMemoryMembershipTable> _clusters = [];

    protected override async Task<IMembershipTable> CreateTableAsync(string clusterId)
    {
        if (!_clusters.TryGetValue(clusterId, out var table)) _clusters[clusterId] = table = new InMemoryMembershipTable();
        await table.InitializeAsync(CancellationToken.None);
        return table;
    }
}
