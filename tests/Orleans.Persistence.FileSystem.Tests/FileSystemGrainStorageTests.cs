using Orleans.Storage;

namespace Orleans.Persistence.FileSystem.Tests;

public sealed class FileSystemGrainStorageTests : IDisposable
{
    private readonly StorageUnderTest _storage = new();

    public void Dispose() => _storage.Dispose();

    [Fact]
    public async Task A_grain_without_a_file_reads_as_new()
    {
        var state = new GrainState<CartState>(new CartState());

        await _storage.Open().ReadStateAsync("cart", StorageUnderTest.Grain("empty"), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Empty(state.State!.Items);
    }

    [Fact]
    public async Task Written_state_is_read_back_by_a_new_provider_over_the_same_directory()
    {
        var grain = StorageUnderTest.Grain("ann");
        var written = new GrainState<CartState>(new CartState { Items = ["tea", "cups"] });
        await _storage.Open().WriteStateAsync("cart", grain, written);

        var read = new GrainState<CartState>(new CartState());
        await _storage.Open().ReadStateAsync("cart", grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(["tea", "cups"], read.State!.Items);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused_and_changes_nothing()
    {
        var storage = _storage.Open();
        var grain = StorageUnderTest.Grain("bob");
        var first = new GrainState<CartState>(new CartState { Items = ["tea"] });
        await storage.WriteStateAsync("cart", grain, first);
        var stale = new GrainState<CartState>(new CartState { Items = ["stale"] }) { ETag = first.ETag };
        first.State!.Items.Add("milk");
        await storage.WriteStateAsync("cart", grain, first);

        var refused = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("cart", grain, stale));

        Assert.Equal(first.ETag, refused.StoredEtag);
        var read = new GrainState<CartState>(new CartState());
        await storage.ReadStateAsync("cart", grain, read);
        Assert.Equal(["tea", "milk"], read.State!.Items);
    }

    [Fact]
    public async Task A_first_write_is_refused_when_another_writer_created_the_file()
    {
        var grain = StorageUnderTest.Grain("carl");
        await _storage.Open().WriteStateAsync("cart", grain, new GrainState<CartState>(new CartState { Items = ["a"] }));

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            _storage.Open().WriteStateAsync("cart", grain, new GrainState<CartState>(new CartState { Items = ["b"] })));
    }

    [Fact]
    public async Task Clearing_removes_the_file_and_resets_the_state()
    {
        var storage = _storage.Open();
        var grain = StorageUnderTest.Grain("dora");
        var state = new GrainState<CartState>(new CartState { Items = ["tea"] });
        await storage.WriteStateAsync("cart", grain, state);

        await storage.ClearStateAsync("cart", grain, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Empty(state.State!.Items);
        Assert.Empty(_storage.StateFiles());
    }

    [Fact]
    public async Task Clearing_with_a_stale_etag_is_refused()
    {
        var storage = _storage.Open();
        var grain = StorageUnderTest.Grain("eve");
        var state = new GrainState<CartState>(new CartState());
        await storage.WriteStateAsync("cart", grain, state);
        var stale = new GrainState<CartState>(new CartState()) { ETag = "stale" };

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("cart", grain, stale));
        Assert.Single(_storage.StateFiles());
    }

    [Fact]
    public async Task State_names_keep_the_states_of_one_grain_apart()
    {
        var storage = _storage.Open();
        var grain = StorageUnderTest.Grain("fay");
        await storage.WriteStateAsync("cart", grain, new GrainState<CartState>(new CartState { Items = ["cart"] }));
        await storage.WriteStateAsync("wishlist", grain, new GrainState<CartState>(new CartState { Items = ["wish"] }));

        var cart = new GrainState<CartState>(new CartState());
        await storage.ReadStateAsync("cart", grain, cart);

        Assert.Equal(["cart"], cart.State!.Items);
        Assert.Equal(2, _storage.StateFiles().Length);
    }
}
