using Granary.Serialization;

namespace Granary.Runtime.Tests.Grains;

[GenerateSerializer]
public sealed class ProfileState
{
    [Id(0)]
    public string Name { get; set; } = "";

    [Id(1)]
    public int Visits { get; set; }
}

public interface IStateGrain : IGrainWithStringKey
{
    Task SetName(string name);

    Task<ProfileState> Get();

    Task<string?> Etag();

    Task Clear();

    Task Deactivate();
}

public sealed class StateGrain([PersistentState("profile")] IPersistentState<ProfileState> profile) : Grain, IStateGrain
{
    public async Task SetName(string name)
    {
        profile.State.Name = name;
        profile.State.Visits++;
        await profile.WriteStateAsync();
    }

    public Task<ProfileState> Get() => Task.FromResult(profile.State);

    public Task<string?> Etag() => Task.FromResult(profile.Etag);

    public Task Clear() => profile.ClearStateAsync();

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}

public interface IMisconfiguredStorageGrain : IGrainWithStringKey
{
    Task<int> Read();
}

public sealed class MisconfiguredStorageGrain([PersistentState("counter", "missing-store")] IPersistentState<int> counter) : Grain, IMisconfiguredStorageGrain
{
    public Task<int> Read() => Task.FromResult(counter.State);
}
