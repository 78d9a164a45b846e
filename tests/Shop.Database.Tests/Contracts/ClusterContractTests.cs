using Shop.Database.Tests.Grains;
using Shop.Database.Tests.Infrastructure;

namespace Shop.Database.Tests.Contracts;

[Collection(ClusterCollection.Name)]
public sealed class ClusterContractTests(ClusterFixture cluster)
{
    private const int Active = 3;

    [Fact]
    public async Task Two_silos_form_a_cluster_with_both_rows_active_and_the_version_advanced()
    {
        var active = await Eventually.MatchAsync(
            () => cluster.Schema.ScalarAsync<long>(
                "SELECT count(*) FROM orleans_membership WHERE deployment_id = @id AND status = @active",
                ("id", cluster.ClusterId), ("active", Active)),
            count => count == 2,
            "both silos Active in the membership table");

        Assert.Equal(2, active);
        // Each silo inserts itself (Joining) and then updates itself (Active): at least four version steps.
        var version = await cluster.Schema.ScalarAsync<int>(
            "SELECT version FROM orleans_membership_version WHERE deployment_id = @id", ("id", cluster.ClusterId));
        Assert.True(version >= 4, $"membership version {version} should be at least 4");
    }

    [Fact]
    public async Task A_client_finds_the_gateways_through_the_table_and_calls_a_grain()
    {
        var grain = cluster.Client.Grains().GetGrain<ICounterGrain>($"client-{Guid.NewGuid():N}");

        await grain.Set(42);

        Assert.Equal(42, await grain.Reload());
    }
}
