using Granary.Hosting;
using Granary.Streams;
using Granary.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Streaming.Tests.Balancing;

/// <summary>
/// Silos of a test cluster share one memory queue (as they would share Kafka) and split its partitions by
/// membership: each partition read by exactly one silo, moved when a silo joins, leaves or dies, and every event
/// applied exactly once, in order per stream, by a subscriber that keeps the last applied token in its state.
/// </summary>
public sealed class StreamClusterTests
{
    private const int Partitions = 12;
    private const int BatchSize = 4;
    private static readonly string[] Keys = [.. Enumerable.Range(0, 12).Select(i => $"key-{i}")];

    [Fact]
    public async Task Partitions_are_spread_over_the_silos_and_a_joining_silo_takes_its_share()
    {
        await using var cluster = await StartAsync(2);
        await Until.True(() => OwnedOnceEach(cluster), "two silos own every partition exactly once");
        Assert.All(cluster.Silos, s => Assert.Equal(Partitions / 2, Owned(s).Count));
        await PublishAsync(cluster, "join", 1, 10);

        var joined = await cluster.AddSiloAsync();
        await Until.True(() => cluster.Silos.All(s => s.ActiveSiloCount == 3) && OwnedOnceEach(cluster), "three silos own every partition exactly once");
        Assert.All(cluster.Silos, s => Assert.Equal(Partitions / 3, Owned(s).Count));
        await PublishAsync(cluster, "join", 11, 20);
        await AssertAppliedOnceInOrderAsync(cluster, "join", 20);
    }

    [Fact]
    public async Task Killing_a_silo_mid_stream_loses_nothing_and_applies_every_event_once_in_order()
    {
        var gate = new LedgerGate();
        await using var cluster = await StartAsync(3, gate);
        await Until.True(() => OwnedOnceEach(cluster), "three silos own every partition exactly once");
        await PublishAsync(cluster, "kill", 1, 15);
        var victim = cluster.Silos[^1];
        // One of the victim's partitions is mid-batch when it dies: a delivery of item 20 is held, uncommitted.
        gate.Arm(Keys.Select(k => $"kill-{k}").First(k => Owned(victim).Contains(PartitionOf(k))), 20);

        await PublishAsync(cluster, "kill", 16, 40);
        await gate.Held.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await cluster.KillSiloAsync(victim);
        gate.Released.TrySetResult();

        await Until.True(() => cluster.Silos.All(s => s.ActiveSiloCount == 2) && OwnedOnceEach(cluster), "the survivors own every partition exactly once");
        var duplicates = await AssertAppliedOnceInOrderAsync(cluster, "kill", 40);
        Console.WriteLine($"Kill: every event applied once, in order, {watch.ElapsedMilliseconds} ms after the kill; {duplicates} repeats skipped");
    }

    [Fact]
    public async Task A_graceful_stop_hands_partitions_over_from_where_they_were_committed()
    {
        await using var cluster = await StartAsync(3);
        await Until.True(() => OwnedOnceEach(cluster), "three silos own every partition exactly once");
        await PublishAsync(cluster, "stop", 1, 15);
        var leaving = cluster.Silos[^1];
        var moved = Owned(leaving).Count;

        var publishing = PublishAsync(cluster, "stop", 16, 40);
        await cluster.StopSiloAsync(leaving);
        await publishing;

        await Until.True(() => cluster.Silos.All(s => s.ActiveSiloCount == 2) && OwnedOnceEach(cluster), "the others own every partition exactly once");
        var duplicates = await AssertAppliedOnceInOrderAsync(cluster, "stop", 40);
        Console.WriteLine($"Graceful stop: {duplicates} events delivered again across {moved} moved partitions");
        Assert.InRange(duplicates, 0, moved * BatchSize);
    }

    private static Task<TestCluster> StartAsync(int silos, LedgerGate? gate = null) => TestCluster.StartAsync(new TestClusterOptions
    {
        InitialSilos = silos,
        ConfigureSilo = silo => silo.AddMemoryStreams(LedgerGrain.Provider, o =>
        {
            o.Partitions = Partitions;
            o.BatchSize = BatchSize;
            o.QueueRetryDelay = TimeSpan.FromMilliseconds(100);
        }),
        ConfigureServices = services => services.AddSingleton(gate ?? new LedgerGate()),
    });

    private static IReadOnlyCollection<int> Owned(TestSilo silo) => StreamOwnership.Owned(silo, LedgerGrain.Provider);

    private static int PartitionOf(string key) => StreamOwnership.PartitionOf(LedgerGrain.Namespace, key, Partitions);

    private static bool OwnedOnceEach(TestCluster cluster) => StreamOwnership.OwnedOnceEach(cluster, LedgerGrain.Provider, Partitions);

    // Each key's items in order; the keys side by side, so several partitions are busy at once.
    private static Task PublishAsync(TestCluster cluster, string test, int from, int to) => Task.WhenAll(Keys.Select(async key =>
    {
        var stream = cluster.Client.GetStreamProvider(LedgerGrain.Provider).GetStream<int>(LedgerGrain.Namespace, $"{test}-{key}");
        for (var item = from; item <= to; item++) await stream.OnNextAsync(item);
    }));

    /// <summary>Waits until every ledger persisted <paramref name="count"/> items, checks they are 1..count; returns the duplicates skipped.</summary>
    private static async Task<int> AssertAppliedOnceInOrderAsync(TestCluster cluster, string test, int count)
    {
        var ledgers = Keys.ToDictionary(k => k, k => cluster.GrainFactory.GetGrain<ILedgerGrain>($"{test}-{k}"));
        var applied = new Dictionary<string, LedgerView>();
        await Until.True(async () =>
        {
            foreach (var (key, ledger) in ledgers) applied[key] = await ledger.View();
            return applied.Values.All(v => v.Applied.Length >= count);
        }, $"every ledger applied {count} items");
        foreach (var (key, view) in applied) Assert.True(view.Applied.SequenceEqual(Enumerable.Range(1, count)), $"{key} applied [{string.Join(",", view.Applied)}]");
        return applied.Values.Sum(v => v.Duplicates);
    }
}
