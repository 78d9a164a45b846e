using Granary.Runtime;
using Granary.Serialization;
using Granary.Storage;

namespace Granary.Conformance.Storage;

/// <summary>
/// The contract every IGrainStorage must keep. Each provider's test class derives from this and supplies
/// a fresh storage; the same assertions then hold for memory, file and database storage alike.
/// </summary>
public abstract class GrainStorageConformance
{
    private const string StateName = "conformance";

    protected abstract IGrainStorage CreateStorage();

    private static GrainId NewGrain(string key = "") => GrainId.Create("conformance", key + Guid.NewGuid().ToString("N"));

    private static GrainState<ConformanceState> Empty() => new(new ConformanceState());

    [Fact]
    public async Task Reading_a_missing_record_gives_a_new_state_without_an_etag()
    {
        var state = Empty();
        state.State.Name = "stale";
        await CreateStorage().ReadStateAsync(StateName, NewGrain(), state, CancellationToken.None);
        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal("", state.State.Name);
    }

    [Fact]
    public async Task A_written_state_reads_back_with_the_same_etag()
    {
        var storage = CreateStorage();
        var grain = NewGrain();
        var written = Empty();
        written.State.Name = "ann";
        written.State.Visits = 3;
        await storage.WriteStateAsync(StateName, grain, written, CancellationToken.None);
        Assert.NotNull(written.ETag);

        var read = Empty();
        await storage.ReadStateAsync(StateName, grain, read, CancellationToken.None);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(("ann", 3), (read.State.Name, read.State.Visits));
    }

    [Fact]
    public async Task Every_write_changes_the_etag()
    {
        var storage = CreateStorage();
        var grain = NewGrain();
        var state = Empty();
        await storage.WriteStateAsync(StateName, grain, state, CancellationToken.None);
        var first = state.ETag;
        await storage.WriteStateAsync(StateName, grain, state, CancellationToken.None);
        Assert.NotEqual(first, state.ETag);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_fails_and_changes_nothing()
    {
        var storage = CreateStorage();
        var grain = NewGrain();
        var winner = Empty();
        await storage.WriteStateAsync(StateName, grain, winner, CancellationToken.None);
        var loser = Empty();
        await storage.ReadStateAsync(StateName, grain, loser, CancellationToken.None);
        winner.State.Name = "winner";
        await storage.WriteStateAsync(StateName, grain, winner, CancellationToken.None);

        loser.State.Name = "loser";
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, loser, CancellationToken.None));
        var read = Empty();
        await storage.ReadStateAsync(StateName, grain, read, CancellationToken.None);
        Assert.Equal("winner", read.State.Name);
    }

    [Fact]
    public async Task Creating_a_record_that_already_exists_fails()
    {
        var storage = CreateStorage();
        var grain = NewGrain();
        await storage.WriteStateAsync(StateName, grain, Empty(), CancellationToken.None);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, Empty(), CancellationToken.None));
    }

    [Fact]
    public async Task Clearing_removes_the_record_and_a_stale_clear_fails()
    {
        var storage = CreateStorage();
        var grain = NewGrain();
        var state = Empty();
        await storage.WriteStateAsync(StateName, grain, state, CancellationToken.None);
        var stale = new GrainState<ConformanceState>(new ConformanceState()) { ETag = "not-the-etag", RecordExists = true };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grain, stale, CancellationToken.None));

        await storage.ClearStateAsync(StateName, grain, state, CancellationToken.None);
        Assert.False(state.RecordExists);
        var read = Empty();
        await storage.ReadStateAsync(StateName, grain, read, CancellationToken.None);
        Assert.False(read.RecordExists);
        await storage.WriteStateAsync(StateName, grain, read, CancellationToken.None);
    }

    [Fact]
    public async Task A_large_state_round_trips()
    {
        var storage = CreateStorage();
        var grain = NewGrain();
        var state = Empty();
        state.State.Name = new string('x', 1024 * 1024);
        await storage.WriteStateAsync(StateName, grain, state, CancellationToken.None);
        var read = Empty();
        await storage.ReadStateAsync(StateName, grain, read, CancellationToken.None);
        Assert.Equal(state.State.Name, read.State.Name);
    }

    [Fact]
    public async Task Of_concurrent_writers_with_the_same_etag_exactly_one_wins()
    {
        var storage = CreateStorage();
        var grain = NewGrain();
        var seed = Empty();
        await storage.WriteStateAsync(StateName, grain, seed, CancellationToken.None);
        var writers = Enumerable.Range(0, 16).Select(i => new GrainState<ConformanceState>(new ConformanceState { Name = $"w{i}" }) { ETag = seed.ETag, RecordExists = true }).ToArray();
        var outcomes = await Task.WhenAll(writers.Select(async w =>
        {
            await Task.Yield();
            try
            {
                await storage.WriteStateAsync(StateName, grain, w, CancellationToken.None);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));
        Assert.Equal(1, outcomes.Count(won => won));
    }

    [Fact]
    public async Task Unicode_keys_and_state_names_are_distinct_records()
    {
        var storage = CreateStorage();
        var grain = NewGrain("ключ-🔑-鍵/");
        var first = new GrainState<ConformanceState>(new ConformanceState { Name = "ünï" });
        await storage.WriteStateAsync("état", grain, first, CancellationToken.None);
        var other = Empty();
        await storage.ReadStateAsync("etat", grain, other, CancellationToken.None);
        Assert.False(other.RecordExists);
        var read = Empty();
        await storage.ReadStateAsync("état", grain, read, CancellationToken.None);
        Assert.Equal("ünï", read.State.Name);
    }
}

/// <summary>The state the storage conformance tests store.</summary>
[GenerateSerializer]
public sealed class ConformanceState
{
    /// <summary>A text member, large in one test.</summary>
    [Id(0)]
    public string Name { get; set; } = "";

    /// <summary>A number member.</summary>
    [Id(1)]
    public int Visits { get; set; }
}
