using Granary.Runtime.Tests.Grains;
using Granary.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Runtime.Tests;

[Collection(DefaultCluster.Name)]
public sealed class PersistenceTests(ClusterFixture fixture)
{
    private IGrainStorage Storage => fixture.Cluster.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default);

    [Fact]
    public async Task State_written_by_one_activation_is_read_by_the_next()
    {
        var grain = fixture.Grains.GetGrain<IStateGrain>("persisted");
        await grain.SetName("ann");
        await grain.SetName("bea");
        await grain.Deactivate();
        var state = await grain.Get();
        Assert.Equal("bea", state.Name);
        Assert.Equal(2, state.Visits);
    }

    [Fact]
    public async Task A_write_over_a_newer_stored_version_fails_with_InconsistentStateException()
    {
        var grain = fixture.Grains.GetGrain<IStateGrain>("contended");
        await grain.SetName("mine");
        var other = new GrainState<ProfileState>(new ProfileState());
        await Storage.ReadStateAsync("profile", grain.GetGrainId(), other, CancellationToken.None);
        other.State.Name = "theirs";
        await Storage.WriteStateAsync("profile", grain.GetGrainId(), other, CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => grain.SetName("mine again"));
        Assert.Equal(other.ETag, conflict.StoredEtag);
        await grain.Deactivate();
        Assert.Equal("theirs", (await grain.Get()).Name);
    }

    [Fact]
    public async Task Clearing_removes_the_record_and_resets_the_state()
    {
        var grain = fixture.Grains.GetGrain<IStateGrain>("cleared");
        await grain.SetName("temp");
        await grain.Clear();
        Assert.Equal("", (await grain.Get()).Name);
        Assert.Null(await grain.Etag());
        var stored = new GrainState<ProfileState>(new ProfileState());
        await Storage.ReadStateAsync("profile", grain.GetGrainId(), stored, CancellationToken.None);
        Assert.False(stored.RecordExists);
    }

    [Fact]
    public async Task The_state_a_grain_returns_is_a_copy_of_what_it_holds()
    {
        var grain = fixture.Grains.GetGrain<IStateGrain>("copied");
        await grain.SetName("original");
        var returned = await grain.Get();
        returned.Name = "changed by caller";
        Assert.Equal("original", (await grain.Get()).Name);
    }
}
