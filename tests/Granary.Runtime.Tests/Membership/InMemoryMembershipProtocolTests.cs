using Granary.Conformance.Membership;
using Granary.Membership;

namespace Granary.Runtime.Tests.Membership;

public sealed class InMemoryMembershipProtocolTests : MembershipProtocolConformance
{
    protected override Task<IMembershipTable> CreateTableAsync() => Task.FromResult<IMembershipTable>(new InMemoryMembershipTable());
}
