using System.Diagnostics;
using Shop.Chaos.Tests.Journal;
using Shop.Cluster.Testing;
using Shop.Testing;

namespace Shop.Chaos.Tests;

/// <summary>
/// One chaos run: three silo processes with the given grain directory behind the API in External mode, shoppers
/// through the REST API while the driver kills and restarts silos, then settlement and the activation journals.
/// </summary>
internal sealed class ChaosRun(ClusterDatabase database, ITestOutputHelper output, ChaosOptions options, string grainDirectory)
{
    private const int Skus = 10;
    private const int Users = 20;
    private static readonly TimeSpan SettleDeadline = TimeSpan.FromMinutes(5);

    public ChaosReport Report { get; } = new();

    public ShopLedger Ledger { get; } = new();

    public async Task<ChaosOutcome> RunAsync(TimeSpan chaosTime)
    {
        await using var cluster = new ProcessCluster(database, output);
        var journals = Path.Combine(Path.GetTempPath(), "shop-chaos", cluster.ClusterId);
        cluster.Log($"chaos on the {grainDirectory} grain directory for {chaosTime.TotalSeconds:0} s, seed {options.Seed} ({ChaosOptions.SeedVariable} replays it); journals in {journals}");
        var chaos = new ChaosDriver(cluster, ChaosSilos.Settings(journals, grainDirectory), Report, options.Seed, TimeProvider.System);
        try
        {
            await chaos.StartAsync(3);
            var client = new RetryingShopClient(await cluster.StartApiAsync(), Report, new Random(options.Seed));
            await StockTheShopAsync(new Shopper(client, Ledger, options.Seed));

            using var stop = new CancellationTokenSource();
            var shoppers = Enumerable.Range(1, options.Shoppers)
                .Select(i => Task.Run(() => new Shopper(client, Ledger, options.Seed + i).RunAsync(stop.Token))).ToArray();
            await chaos.RunAsync(chaosTime, options.MeanTimeBetweenKills);
            await stop.CancelAsync();
            await Task.WhenAll(shoppers);
            cluster.Log($"chaos over; silos running: {string.Join(", ", chaos.Running())}");

            var settling = Stopwatch.StartNew();
            await using var grains = await ClusterClientHost.ConnectAsync(cluster);
            var (invariants, _) = await Settlement.WaitSettledAsync(grains.Client, Ledger, SettleDeadline);
            var settled = settling.Elapsed;
            var broken = await Settlement.BrokenPromisesAsync(grains.Client, Ledger);
            var repeatedStock = await Settlement.RepeatedStockAsync(grains.Client, Ledger);
            var spans = Spans(cluster, chaos, journals, DateTimeOffset.UtcNow);
            var outcome = new ChaosOutcome(grainDirectory, Report, invariants, broken, repeatedStock, spans, DuplicateDetector.Find(spans),
                SelfStopped(cluster, chaos, journals), settled);
            if (outcome.Holds) Directory.Delete(journals, recursive: true);
            return outcome;
        }
        catch
        {
            cluster.DumpOutput();
            throw;
        }
    }

    private async Task StockTheShopAsync(Shopper setup)
    {
        for (var i = 0; i < Skus; i++) await setup.AddProductAsync(Shopper.Sku(i), price: 1 + (i % 7 * 2.5m), stock: 200);
        for (var i = 0; i < Users; i++) await setup.RegisterAsync(deposit: 200m);
    }

    /// <summary>
    /// The silo addresses of processes that exited although nobody killed them: silos declared dead while alive (a
    /// zombie serves on until it reads its own row Dead), which no directory can keep from overlapping their successors.
    /// </summary>
    private static HashSet<string> SelfStopped(ProcessCluster cluster, ChaosDriver chaos, string journals) =>
        [.. cluster.Silos.Where(silo => silo.Process.HasExited && !chaos.KilledAt.ContainsKey(silo.Process))
            .SelectMany(silo => ActivationJournalReader.Read(ActivationJournalReader.Lines(journals, silo.Process.Pid), DateTimeOffset.MaxValue))
            .Select(span => span.Silo)];

    /// <summary>Every silo process's activations; an open one ends when its process was killed or exited, else now.</summary>
    private static List<ActivationSpan> Spans(ProcessCluster cluster, ChaosDriver chaos, string journals, DateTimeOffset endOfRun) =>
        [.. cluster.Silos.SelectMany(silo =>
        {
            var end = chaos.KilledAt.TryGetValue(silo.Process, out var killed) ? killed
                : silo.Process.ExitTime is { } exited ? new DateTimeOffset(exited.ToUniversalTime())
                : endOfRun;
            return ActivationJournalReader.Read(ActivationJournalReader.Lines(journals, silo.Process.Pid), end);
        })];
}

/// <summary>What a chaos run found.</summary>
internal sealed record ChaosOutcome(
    string GrainDirectory,
    ChaosReport Report,
    InvariantReport Invariants,
    IReadOnlyList<string> BrokenPromises,
    IReadOnlyList<string> RepeatedStock,
    IReadOnlyList<ActivationSpan> Spans,
    IReadOnlyList<DuplicateActivation> Duplicates,
    IReadOnlySet<string> SelfStoppedSilos,
    TimeSpan Settled)
{
    /// <summary>Duplicates in which neither activation was on a silo that stopped itself after being declared dead.</summary>
    public IReadOnlyList<DuplicateActivation> DuplicatesBesideLiveSilos =>
        [.. Duplicates.Where(d => !SelfStoppedSilos.Contains(d.First.Silo) && !SelfStoppedSilos.Contains(d.Second.Silo))];

    public bool Holds => Invariants.Holds && BrokenPromises.Count == 0 && Duplicates.Count == 0;

    public IEnumerable<string> Lines()
    {
        yield return $"== {GrainDirectory} grain directory";
        foreach (var line in Report.Lines()) yield return line;
        yield return $"settled {Settled.TotalSeconds:0.0} s after the load stopped";
        yield return $"money: deposited {Invariants.TotalDeposited} = balances {Invariants.TotalBalance} + held by confirmed orders {Invariants.HeldByConfirmedOrders}";
        var byType = Duplicates.GroupBy(d => d.First.GrainType).Select(g => $"{g.Key}: {g.Count()}");
        yield return $"activation journal: {Spans.Count} activations of {Spans.Select(s => s.Grain).Distinct().Count()} grains; " +
                     $"duplicate activations {Duplicates.Count} ({string.Join(", ", byType)}); silos that stopped themselves {SelfStoppedSilos.Count}";
        foreach (var duplicate in Duplicates.Take(20)) yield return $"DUPLICATE {duplicate}";
        foreach (var line in Invariants.Violations.Concat(BrokenPromises).Concat(RepeatedStock).Take(50)) yield return line;
    }
}
