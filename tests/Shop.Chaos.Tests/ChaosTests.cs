using Granary;
using Granary.Cluster.Tests;
using Microsoft.Extensions.DependencyInjection;
using Shop.Chaos.Tests.Journal;
using Xunit.Abstractions;

namespace Shop.Chaos.Tests;

/// <summary>
/// Chaos under load: three silo processes on PostgreSQL (membership, grain state, reminders) serve the shop's REST
/// API to concurrent clients while silos are killed with SIGKILL and restarted at random. Afterwards the shop's
/// invariants hold, every promise made to a client is kept, and no grain was ever active twice at once.
/// About 60 s of chaos by default; GRANARY_CHAOS_MINUTES=N runs N minutes.
/// </summary>
public sealed class ChaosTests(ITestOutputHelper output)
{
    private const int Skus = 12;
    private const int Users = 24;
    private static readonly TimeSpan SettleDeadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Shop_invariants_hold_and_no_grain_is_active_twice_while_silos_are_killed_and_restarted_under_load()
    {
        var options = ChaosOptions.FromEnvironment();
        var report = new ChaosReport();
        await using var cluster = new ProcessCluster();
        ChaosSilos.Configure(cluster);
        await cluster.WaitActiveAsync(cluster.StartSilo(), cluster.StartSilo(), cluster.StartSilo());
        await using var api = new ExternalShopApi(cluster.ClusterId);
        var client = new RetryingShopClient(api.CreateClient(), report);
        var ledger = new ShopLedger();
        await StockTheShopAsync(new Shopper(client, ledger, seed: -1));

        using var stop = new CancellationTokenSource();
        var shoppers = Enumerable.Range(0, options.Shoppers).Select(i => Task.Run(() => new Shopper(client, ledger, seed: i).RunAsync(stop.Token))).ToArray();
        var chaos = new ChaosDriver(cluster, report, seed: Environment.TickCount);
        await chaos.RunAsync(options.ChaosDuration, options.MeanTimeBetweenKills);
        await stop.CancelAsync();
        await Task.WhenAll(shoppers);

        var grains = api.Services.GetRequiredService<IClusterClient>();
        var (invariants, settled) = await Settlement.WaitSettledAsync(grains, ledger, SettleDeadline);
        var broken = await Settlement.BrokenPromisesAsync(grains, ledger);
        var spans = ActivationJournals.Spans(cluster, chaos.KilledAt, DateTimeOffset.UtcNow);
        var duplicates = DuplicateDetector.Find(spans);

        report.Print(output);
        output.WriteLine($"settled {settled.TotalSeconds:0.0} s after the load stopped; orders acknowledged: {ledger.AcknowledgedOrders.Count}, cancellations acknowledged: {ledger.AcknowledgedCancels.Count}, users: {ledger.Users.Count}");
        output.WriteLine($"money: deposited {invariants.TotalDeposited} = balances {invariants.TotalBalance} + held by confirmed orders {invariants.HeldByConfirmedOrders}");
        output.WriteLine($"activation journal: {spans.Count} activations of {spans.Select(s => s.Grain).Distinct().Count()} grains on {cluster.Silos.Count} silo processes; duplicates: {duplicates.Count}; duplicates the runtime itself found and resolved: {ActivationJournals.Count(cluster, ActivationJournal.DuplicateFound)}");
        output.WriteLine($"silos declared dead while alive (false suspicions; each stopped itself): {ActivationJournals.Count(cluster, ActivationJournal.DeclaredDeadWhileAlive)}");
        // A silo falsely declared dead keeps serving until it reads its own row: those overlaps are zombies, named as such.
        var zombies = ActivationJournals.SilosThatLogged(cluster, ActivationJournal.DeclaredDeadWhileAlive);
        var besideZombies = duplicates.Where(d => zombies.Contains(d.First.Silo) || zombies.Contains(d.Second.Silo)).ToList();
        var problems = invariants.Violations.Concat(broken).Concat(duplicates.Select(d =>
            besideZombies.Contains(d) ? $"DUPLICATE (beside a zombie silo) {d}" : $"DUPLICATE {d}")).ToList();
        foreach (var line in problems.Take(50)) output.WriteLine(line);
        if (problems.Count > 0) output.WriteLine($"silo logs (JSON lines) saved in {ActivationJournals.Save(cluster)}");

        Assert.True(report.Kills > 0, "the chaos killed no silo");
        Assert.NotEmpty(ledger.AcknowledgedOrders);
        // A journal that saw nothing would pass any run: the silos must have logged their activations.
        Assert.True(spans.Count >= Users, $"the activation journal holds only {spans.Count} activations");
        invariants.ThrowIfViolated();
        Assert.Empty(broken);
        // Known open problem, named in the README: a silo that a starved peer falsely declares dead serves on until it
        // reads its own Dead row, so its activations overlap their replacements for a second or two. The default run
        // (CI, 2 cores) reports those overlaps and fails on every other duplicate; the opt-in long run fails on all.
        Assert.Empty(options.IsLongRun ? duplicates : duplicates.Except(besideZombies));
    }

    private static async Task StockTheShopAsync(Shopper setup)
    {
        for (var i = 0; i < Skus; i++) await setup.AddProductAsync(Shopper.Sku(i), price: 1 + (i % 7) * 2.5m, stock: 150);
        for (var i = 0; i < Users; i++) await setup.RegisterAsync(deposit: 200m);
    }
}
