using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Shop.Database.Tests.Grains;
using Shop.Database.Tests.Infrastructure;

namespace Shop.Database.Tests.Contracts;

/// <summary>Orleans' AdoNetGrainStorage on the schema: through grains, and through IGrainStorage for the ETag rules.</summary>
[Collection(ClusterCollection.Name)]
public sealed class GrainStorageContractTests(ClusterFixture cluster)
{
    private const string GrainType = "shop.tests.storage";

    // String keys are stored whole in grain_id_extension (a key that parses as a Guid would not be).
    private Task<long> RowsAsync(GrainId id) => cluster.Schema.ScalarAsync<long>(
        "SELECT count(*) FROM orleans_grain_state WHERE service_id = @service AND grain_type = @type AND grain_id_extension = @key",
        ("service", cluster.ServiceId), ("type", GrainType), ("key", id.Key.ToString()));

    private IGrainStorage Storage(string name = TestSilo.StorageName) =>
        cluster.Primary.Services.GetRequiredKeyedService<IGrainStorage>(name);

    [Fact]
    public async Task A_grain_writes_reads_and_clears_its_state_scoped_by_service_id()
    {
        var key = $"counter-{Guid.NewGuid():N}";
        var grain = cluster.Primary.Grains().GetGrain<ICounterGrain>(key);

        await grain.Set(7);
        Assert.Equal(7, await grain.Reload());
        Assert.Equal(1L, await cluster.Schema.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_grain_state WHERE service_id = @service AND grain_id_extension = @key AND payload IS NOT NULL",
            ("service", cluster.ServiceId), ("key", key)));
        // Orleans 10's default IGrainStorageSerializer writes JSON (Newtonsoft.Json) into the bytea column.
        var payload = await cluster.Schema.ScalarAsync<string>(
            "SELECT convert_from(payload, 'UTF8') FROM orleans_grain_state WHERE service_id = @service AND grain_id_extension = @key",
            ("service", cluster.ServiceId), ("key", key));
        Assert.StartsWith("{", payload, StringComparison.Ordinal);
        Assert.Contains("7", payload, StringComparison.Ordinal);

        await grain.Clear();
        Assert.Equal(0, await grain.Reload());
    }

    [Fact]
    public async Task Write_then_read_returns_the_state_and_a_new_etag()
    {
        var id = GrainId.Create("storage", $"key-{Guid.NewGuid():N}");
        var written = new GrainState<CounterState>(new CounterState { Value = 5 });

        await Storage().WriteStateAsync(GrainType, id, written);
        var read = new GrainState<CounterState>();
        await Storage().ReadStateAsync(GrainType, id, read);

        Assert.Equal(5, read.State!.Value);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.NotNull(read.ETag);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_throws_InconsistentStateException()
    {
        var id = GrainId.Create("storage", $"key-{Guid.NewGuid():N}");
        var first = new GrainState<CounterState>(new CounterState { Value = 1 });
        await Storage().WriteStateAsync(GrainType, id, first);
        var stale = new GrainState<CounterState>(new CounterState { Value = 2 }) { ETag = first.ETag };
        await Storage().WriteStateAsync(GrainType, id, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage().WriteStateAsync(GrainType, id, stale));
        var never = new GrainState<CounterState>(new CounterState { Value = 3 });
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage().WriteStateAsync(GrainType, id, never));

        var read = new GrainState<CounterState>();
        await Storage().ReadStateAsync(GrainType, id, read);
        Assert.Equal(1, read.State!.Value);
        Assert.Equal(first.ETag, read.ETag);
    }

    [Fact]
    public async Task Of_two_first_writes_at_once_exactly_one_wins()
    {
        var id = GrainId.Create("storage", $"key-{Guid.NewGuid():N}");

        var writes = Enumerable.Range(1, 4).Select(value => Task.Run(async () =>
        {
            try
            {
                await Storage().WriteStateAsync(GrainType, id, new GrainState<CounterState>(new CounterState { Value = value }));
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        Assert.Single(await Task.WhenAll(writes), won => won);
    }

    [Fact]
    public async Task Clear_keeps_the_version_sequence_and_a_stale_clear_is_refused()
    {
        var id = GrainId.Create("storage", $"key-{Guid.NewGuid():N}");
        var state = new GrainState<CounterState>(new CounterState { Value = 9 });
        await Storage().WriteStateAsync(GrainType, id, state);
        var stale = new GrainState<CounterState>(new CounterState()) { ETag = state.ETag, RecordExists = true };
        await Storage().WriteStateAsync(GrainType, id, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage().ClearStateAsync(GrainType, id, stale));
        await Storage().ClearStateAsync(GrainType, id, state);

        Assert.False(state.RecordExists);
        Assert.NotNull(state.ETag);
        var read = new GrainState<CounterState>();
        await Storage().ReadStateAsync(GrainType, id, read);
        Assert.False(read.RecordExists);
        Assert.Equal(0, read.State!.Value);
        Assert.Equal(state.ETag, read.ETag);
        // Writing on from the cleared ETag works.
        state.State = new CounterState { Value = 10 };
        await Storage().WriteStateAsync(GrainType, id, state);
    }

    [Fact]
    public async Task Clear_with_DeleteStateOnClear_deletes_the_row()
    {
        var id = GrainId.Create("storage", $"key-{Guid.NewGuid():N}");
        var state = new GrainState<CounterState>(new CounterState { Value = 4 });
        var storage = Storage(TestSilo.DeletingStorageName);
        await storage.WriteStateAsync(GrainType, id, state);
        Assert.Equal(1L, await RowsAsync(id));

        await storage.ClearStateAsync(GrainType, id, state);

        Assert.Null(state.ETag);
        Assert.Equal(0L, await RowsAsync(id));
        state.State = new CounterState { Value = 5 };
        await storage.WriteStateAsync(GrainType, id, state);
        Assert.Equal("1", state.ETag);
    }

    [Fact]
    public async Task State_of_another_service_is_invisible()
    {
        var id = GrainId.Create("storage", $"key-{Guid.NewGuid():N}");
        await Storage().WriteStateAsync(GrainType, id, new GrainState<CounterState>(new CounterState { Value = 8 }));

        Assert.Equal(1L, await RowsAsync(id));
        await cluster.Schema.ExecuteAsync(
            $"UPDATE orleans_grain_state SET service_id = 'another-service' WHERE grain_id_extension = '{id.Key}'");
        Assert.Equal(0L, await RowsAsync(id));
        var read = new GrainState<CounterState>();
        await Storage().ReadStateAsync(GrainType, id, read);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
    }

    [Fact]
    public async Task Integer_and_guid_keys_with_and_without_extensions_are_distinct_rows()
    {
        var guid = Guid.NewGuid();
        GrainId[] ids =
        [
            GrainId.Create(Orleans.Runtime.GrainType.Create("storage"), GrainIdKeyExtensions.CreateIntegerKey(42)),
            GrainId.Create(Orleans.Runtime.GrainType.Create("storage"), GrainIdKeyExtensions.CreateIntegerKey(42, "a")),
            GrainId.Create(Orleans.Runtime.GrainType.Create("storage"), GrainIdKeyExtensions.CreateGuidKey(guid)),
            GrainId.Create(Orleans.Runtime.GrainType.Create("storage"), GrainIdKeyExtensions.CreateGuidKey(guid, "a")),
        ];
        var type = $"{GrainType}.{Guid.NewGuid():N}";

        for (var i = 0; i < ids.Length; i++)
        {
            await Storage().WriteStateAsync(type, ids[i], new GrainState<CounterState>(new CounterState { Value = i + 1 }));
        }

        for (var i = 0; i < ids.Length; i++)
        {
            var read = new GrainState<CounterState>();
            await Storage().ReadStateAsync(type, ids[i], read);
            Assert.Equal(i + 1, read.State!.Value);
        }
    }
}
