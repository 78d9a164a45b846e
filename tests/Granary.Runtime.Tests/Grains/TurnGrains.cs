using Granary.Concurrency;

namespace Granary.Runtime.Tests.Grains;

public interface ITurnGrain : IGrainWithStringKey
{
    /// <summary>Records entry, waits at the probe gate named <paramref name="tag"/>, records exit.</summary>
    Task Hold(string tag);

    [ReadOnly]
    Task HoldReadOnly(string tag);

    [AlwaysInterleave]
    Task<int> Peek();

    Task Append(int value);

    Task<List<int>> Appended();

    Task<Guid> InstanceId();
}

public sealed class TurnGrain(Probe probe) : Grain, ITurnGrain
{
    private readonly List<int> _appended = [];
    private readonly Guid _instanceId = Guid.NewGuid();

    public Task Hold(string tag) => TurnLog.Hold(probe, this.GetPrimaryKeyString(), tag);

    public Task HoldReadOnly(string tag) => TurnLog.Hold(probe, this.GetPrimaryKeyString(), tag);

    public Task<int> Peek() => Task.FromResult(_appended.Count);

    public async Task Append(int value)
    {
        await Task.Yield();
        _appended.Add(value);
    }

    public Task<List<int>> Appended() => Task.FromResult(_appended);

    public Task<Guid> InstanceId() => Task.FromResult(_instanceId);
}

public interface IReentrantTurnGrain : IGrainWithStringKey
{
    Task Hold(string tag);
}

[Reentrant]
public sealed class ReentrantTurnGrain(Probe probe) : Grain, IReentrantTurnGrain
{
    public Task Hold(string tag) => TurnLog.Hold(probe, this.GetPrimaryKeyString(), tag);
}

internal static class TurnLog
{
    public static async Task Hold(Probe probe, string grain, string tag)
    {
        probe.Record($"{grain}:{tag}:start");
        await probe.Pass(tag);
        probe.Record($"{grain}:{tag}:end");
    }
}
