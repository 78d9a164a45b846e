using Granary.Membership;

namespace Granary.Conformance.Membership;

/// <summary>This part: writers racing for the table.</summary>
public abstract partial class MembershipProtocolConformance
{
    [Fact]
    public async Task A_write_that_loses_a_race_is_decided_again_on_a_fresh_read()
    {
        var table = new RacingTable(await CreateTableAsync());
        await using var cluster = new MembershipCluster(table);
        var a = await cluster.StartSiloAsync("10.0.0.1");

        table.RaceOnce();
        var b = await cluster.StartSiloAsync("10.0.0.2");
        table.RaceOnce();
        await b.StopGracefullyAsync();
        await cluster.IdleAsync();

        Assert.Equal(2, table.RacesLost);
        Assert.Equal(SiloStatus.Dead, a.StatusOf(b));
        Assert.Equal(SiloStatus.Active, a.StatusOf(a));
    }

    [Fact]
    public async Task Silos_joining_at_once_all_become_active_and_agree()
    {
        await using var cluster = await NewClusterAsync();
        var silos = Enumerable.Range(1, 6).Select(n => cluster.CreateSilo($"10.0.1.{n}")).ToArray();

        await Task.WhenAll(silos.Select(async silo =>
        {
            await Task.Yield();
            await silo.JoinAsync();
            await silo.ActivateAsync();
        }));
        await cluster.AdvanceAsync(TimeSpan.FromSeconds(3));

        var expected = silos.Select(s => s.Address).Order().ToArray();
        Assert.All(silos, silo => Assert.Equal(expected, silo.View.Current.ActiveSilos.ToArray()));
        Assert.All(silos, silo => Assert.False(silo.Lifetime.StopRequested));
    }
}
