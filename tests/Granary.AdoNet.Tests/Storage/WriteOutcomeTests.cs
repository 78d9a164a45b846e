using Granary.Configuration;
using Granary.Conformance.Storage;
using Granary.Storage;
using Granary.Runtime;
using Granary.Testing;

namespace Granary.AdoNet.Tests.Storage;

/// <summary>Optimistic concurrency, unknown write outcomes and an unreachable database, on the storage itself.</summary>
public sealed class WriteOutcomeTests(SchemaFixture schema) : IClassFixture<SchemaFixture>
{
    private static readonly AdoNetResilienceOptions FastRetries = new() { RetryBaseDelay = TimeSpan.FromMilliseconds(1) };

    private static GrainId NewGrain() => GrainId.Create("outcome", Guid.NewGuid().ToString("N"));

    private static GrainState<ConformanceState> State(string name, string? eTag = null) => new(new ConformanceState { Name = name }) { ETag = eTag };

    private async Task<GrainState<ConformanceState>> ReadAsync(IGrainStorage storage, GrainId grain)
    {
        var read = State("");
        await storage.ReadStateAsync("s", grain, read, CancellationToken.None);
        return read;
    }

    [Fact]
    public async Task A_stale_writer_gets_a_conflict_naming_both_etags()
    {
        var storage = Postgres.Storage(schema.ConnectionString, "conflict");
        var grain = NewGrain();
        var first = State("first");
        await storage.WriteStateAsync("s", grain, first, CancellationToken.None);
        var stale = await ReadAsync(storage, grain);
        first.State.Name = "second";
        await storage.WriteStateAsync("s", grain, first, CancellationToken.None);

        stale.State.Name = "stale";
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("s", grain, stale, CancellationToken.None));
        Assert.Equal((first.ETag, stale.ETag), (conflict.StoredEtag, conflict.CurrentEtag));
        Assert.Contains("'pg'", conflict.Message);
        Assert.Equal("second", (await ReadAsync(storage, grain)).State.Name);
    }

    [Fact]
    public async Task Writes_whose_outcome_was_lost_after_the_commit_succeed_on_retry_and_apply_once()
    {
        var faults = new Faults();
        var storage = Postgres.Storage(schema.ConnectionString, "lost", faults, FastRetries);
        var grain = NewGrain();
        var state = State("created");
        faults.LoseOutcome("write", 1);
        await storage.WriteStateAsync("s", grain, state, CancellationToken.None);
        var created = await ReadAsync(storage, grain);
        Assert.Equal((state.ETag, "created"), (created.ETag, created.State.Name));

        state.State.Name = "updated";
        faults.LoseOutcome("write", 1);
        await storage.WriteStateAsync("s", grain, state, CancellationToken.None);
        var updated = await ReadAsync(storage, grain);
        Assert.Equal((state.ETag, "updated"), (updated.ETag, updated.State.Name));

        // Applied twice, the version would have moved past the ETag the writer holds.
        state.State.Name = "next";
        await storage.WriteStateAsync("s", grain, state, CancellationToken.None);
    }

    [Fact]
    public async Task A_write_that_failed_before_running_is_applied_on_retry()
    {
        var faults = new Faults();
        var storage = Postgres.Storage(schema.ConnectionString, "before", faults, FastRetries);
        var grain = NewGrain();
        faults.FailBefore("write", 1);
        var state = State("once");
        await storage.WriteStateAsync("s", grain, state, CancellationToken.None);
        Assert.Equal(state.ETag, (await ReadAsync(storage, grain)).ETag);
    }

    [Fact]
    public async Task A_lost_write_overtaken_by_another_writer_is_a_conflict_not_a_second_write()
    {
        var faults = new Faults();
        var storage = Postgres.Storage(schema.ConnectionString, "overtaken", faults, FastRetries);
        var other = Postgres.Storage(schema.ConnectionString, "overtaken");
        var grain = NewGrain();
        var mine = State("mine");
        await storage.WriteStateAsync("s", grain, mine, CancellationToken.None);

        faults.LoseOutcome("write", 1, async () =>
        {
            var theirs = await ReadAsync(other, grain);
            theirs.State.Name = "theirs";
            await other.WriteStateAsync("s", grain, theirs, CancellationToken.None);
        });
        mine.State.Name = "mine again";
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("s", grain, mine, CancellationToken.None));
        Assert.Equal("theirs", (await ReadAsync(storage, grain)).State.Name);
    }

    [Fact]
    public async Task A_clear_whose_outcome_was_lost_succeeds_on_retry()
    {
        var faults = new Faults();
        var storage = Postgres.Storage(schema.ConnectionString, "clear", faults, FastRetries);
        var grain = NewGrain();
        var state = State("doomed");
        await storage.WriteStateAsync("s", grain, state, CancellationToken.None);
        faults.LoseOutcome("clear", 1);
        await storage.ClearStateAsync("s", grain, state, CancellationToken.None);
        Assert.False((await ReadAsync(storage, grain)).RecordExists);
    }

    [Fact]
    public async Task An_etag_is_never_reused_after_a_clear()
    {
        var storage = Postgres.Storage(schema.ConnectionString, "aba");
        var grain = NewGrain();
        var state = State("first life");
        await storage.WriteStateAsync("s", grain, state, CancellationToken.None);
        var stale = await ReadAsync(storage, grain);
        await storage.ClearStateAsync("s", grain, state, CancellationToken.None);
        var reborn = State("second life");
        await storage.WriteStateAsync("s", grain, reborn, CancellationToken.None);

        Assert.NotEqual(stale.ETag, reborn.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("s", grain, stale, CancellationToken.None));
    }

    [Fact]
    public async Task With_StoreJson_the_row_carries_an_inspectable_copy()
    {
        var storage = Postgres.Storage(schema.ConnectionString, "json", storeJson: true);
        var grain = NewGrain();
        await storage.WriteStateAsync("s", grain, State("ann"), CancellationToken.None);
        var name = await Postgres.ScalarAsync<string>(schema.ConnectionString,
            $"SELECT payload_json->>'Name' FROM granary_grain_state WHERE service_id = 'json' AND grain_key = '{grain.Key}'");
        Assert.Equal("ann", name);
    }

    [Fact]
    public async Task While_the_database_is_down_calls_fail_fast_and_the_storage_recovers_by_itself()
    {
        var faults = new Faults();
        var clock = new ManualTimeProvider();
        var resilience = new AdoNetResilienceOptions { MaxRetryAttempts = 0, MinimumThroughput = 2, FailureRatio = 0.5, BreakDuration = TimeSpan.FromSeconds(5) };
        var storage = Postgres.Storage(schema.ConnectionString, "down", faults, resilience, clock);
        var grain = NewGrain();

        faults.DatabaseDown = true;
        for (var i = 0; i < 2; i++)
        {
            var failure = await Assert.ThrowsAsync<StorageUnavailableException>(() => ReadAsync(storage, grain));
            Assert.Contains("grain storage", failure.Message);
        }

        var attempts = faults.Attempts;
        var fast = await Assert.ThrowsAsync<StorageUnavailableException>(() => ReadAsync(storage, grain));
        Assert.Contains("fail fast", fast.Message);
        Assert.Equal(attempts, faults.Attempts);

        faults.DatabaseDown = false;
        await Assert.ThrowsAsync<StorageUnavailableException>(() => ReadAsync(storage, grain));
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.False((await ReadAsync(storage, grain)).RecordExists);
        await storage.WriteStateAsync("s", grain, State("back"), CancellationToken.None);
    }
}
