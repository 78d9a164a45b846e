using Granary.AdoNet.Membership;
using Granary.Hosting;
using Granary.Membership;
using Granary.Runtime;
using Granary.Testing;
using Microsoft.Extensions.Options;

namespace Granary.AdoNet.Tests.Membership;

/// <summary>Silos hosted with UseAdoNetClustering, probing over the real transport.</summary>
public sealed class AdoNetClusteringTests(SchemaFixture schema) : IClassFixture<SchemaFixture>
{
    [Fact]
    public async Task After_a_whole_cluster_restart_the_first_silo_clears_the_stale_rows_joins_and_later_leaves()
    {
        var clusterId = $"restart-{Guid.NewGuid():N}";
        var table = new AdoNetMembershipTable(clusterId, Postgres.Database(schema.ConnectionString));
        await table.InitializeAsync(CancellationToken.None);
        // The previous run's silos, on ports where nothing listens any more, last alive ten minutes ago.
        var longAgo = DateTimeOffset.UtcNow.AddMinutes(-10);
        SiloAddress[] previous = [new("127.0.0.1", 1, 1), new("127.0.0.1", 2, 1)];
        await SeedAsync(table, previous[0], SiloStatus.Active, longAgo);
        await SeedAsync(table, previous[1], SiloStatus.ShuttingDown, longAgo);

        await using (var cluster = await TestCluster.StartAsync(Options(clusterId)))
        {
            var rows = (await table.ReadAllAsync(CancellationToken.None)).Rows;
            Assert.All(previous, silo => Assert.Equal(SiloStatus.Dead, rows.Single(r => r.Entry.Silo == silo).Entry.Status));
            var alive = Assert.Single(rows, r => r.Entry.Status != SiloStatus.Dead);
            Assert.Equal(SiloStatus.Active, alive.Entry.Status);

            await cluster.StopAsync();
            var left = (await table.ReadAllAsync(CancellationToken.None)).Rows.Single(r => r.Entry.Silo == alive.Entry.Silo);
            Assert.Equal(SiloStatus.Dead, left.Entry.Status);
        }
    }

    [Fact]
    public async Task Without_a_connection_string_start_up_fails_naming_the_setting()
    {
        var options = Options($"none-{Guid.NewGuid():N}");
        options.Configuration.Remove("Granary:Clustering:AdoNet:ConnectionString");

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TestCluster.StartAsync(options));

        Assert.Contains("Granary:Clustering:AdoNet:ConnectionString", failure.Message);
    }

    private TestClusterOptions Options(string clusterId)
    {
        var options = new TestClusterOptions { ConfigureSilo = silo => silo.UseAdoNetClustering() };
        options.Configuration["Granary:ClusterId"] = clusterId;
        options.Configuration["Granary:Clustering:AdoNet:ConnectionString"] = schema.ConnectionString;
        return options;
    }

    private static async Task SeedAsync(AdoNetMembershipTable table, SiloAddress silo, SiloStatus status, DateTimeOffset iAmAlive)
    {
        var read = await table.ReadAllAsync(CancellationToken.None);
        var entry = new MembershipEntry { Silo = silo, Status = status, StartTime = iAmAlive, IAmAliveTime = iAmAlive };
        Assert.True(await table.InsertRowAsync(entry, read.Version.Next(), CancellationToken.None));
    }
}
