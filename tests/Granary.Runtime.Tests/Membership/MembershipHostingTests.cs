using Granary.Hosting;
using Granary.Membership;
using Granary.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Granary.Runtime.Tests.Membership;

public sealed class MembershipHostingTests
{
    [Fact]
    public async Task Localhost_clustering_runs_the_membership_protocol_on_a_fresh_in_memory_table()
    {
        await using var cluster = await TestCluster.StartAsync(silo => silo.UseLocalhostClustering());
        var services = cluster.Services;
        var table = services.GetRequiredService<IMembershipTable>();
        Assert.IsType<InMemoryMembershipTable>(table);
        var view = services.GetRequiredService<IClusterMembershipView>();
        var self = Assert.Single(view.Current.ActiveSilos);
        Assert.Equal(services.GetRequiredService<ILocalSiloDetails>().SiloAddress, self);

        await cluster.StopAsync();

        var row = Assert.Single((await table.ReadAllAsync(CancellationToken.None)).Rows);
        Assert.Equal((self, SiloStatus.Dead), (row.Entry.Silo, row.Entry.Status));
    }

    [Fact]
    public async Task Each_localhost_cluster_has_its_own_table()
    {
        await using var first = await TestCluster.StartAsync(silo => silo.UseLocalhostClustering());
        await using var second = await TestCluster.StartAsync(silo => silo.UseLocalhostClustering());

        Assert.NotSame(first.Services.GetRequiredService<IMembershipTable>(), second.Services.GetRequiredService<IMembershipTable>());
        Assert.Single(second.Services.GetRequiredService<IClusterMembershipView>().Current.Silos);
    }

    [Fact]
    public async Task An_invalid_membership_setting_stops_start_up_with_a_message_naming_it()
    {
        var options = new TestClusterOptions { ConfigureSilo = silo => silo.UseLocalhostClustering() };
        options.Configuration["Granary:Membership:ProbePeriod"] = "00:00:00";

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TestCluster.StartAsync(options));

        Assert.Contains("Granary:Membership:ProbePeriod", failure.Message);
    }
}
