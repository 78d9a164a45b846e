using Granary.Concurrency;

namespace Granary.Runtime.Tests.Grains;

public interface IChainGrain : IGrainWithStringKey
{
    /// <summary>Calls <paramref name="viaKey"/>, which calls this grain back.</summary>
    Task<string> RoundTrip(string viaKey, bool allowReentry);

    /// <summary>Calls this grain's own <see cref="Echo"/>.</summary>
    Task<string> CallSelf();

    Task<string> CallBack(string originKey);

    Task<string> CallBackReentrant(string originKey);

    Task<string> Echo();
}

public sealed class ChainGrain : Grain, IChainGrain
{
    public async Task<string> RoundTrip(string viaKey, bool allowReentry)
    {
        var via = GrainFactory.GetGrain<IChainGrain>(viaKey);
        if (!allowReentry) return await via.CallBack(this.GetPrimaryKeyString());
        using (RequestContext.AllowCallChainReentrancy()) return await via.CallBack(this.GetPrimaryKeyString());
    }

    public Task<string> CallSelf() => GrainFactory.GetGrain<IChainGrain>(this.GetPrimaryKeyString()).Echo();

    public Task<string> CallBack(string originKey) => GrainFactory.GetGrain<IChainGrain>(originKey).Echo();

    public Task<string> CallBackReentrant(string originKey) => GrainFactory.GetGrain<IReentrantChainGrain>(originKey).Echo();

    public Task<string> Echo() => Task.FromResult($"echo from {this.GetPrimaryKeyString()}");
}

public interface IReentrantChainGrain : IGrainWithStringKey
{
    Task<string> RoundTrip(string viaKey);

    Task<string> Echo();
}

[Reentrant]
public sealed class ReentrantChainGrain : Grain, IReentrantChainGrain
{
    public Task<string> RoundTrip(string viaKey) => GrainFactory.GetGrain<IChainGrain>(viaKey).CallBackReentrant(this.GetPrimaryKeyString());

    public Task<string> Echo() => Task.FromResult("reentrant echo");
}

public interface IWorkerGrain : IGrainWithStringKey
{
    Task<Guid> HoldAndIdentify(string gate);
}

[StatelessWorker(4)]
public sealed class WorkerGrain(Probe probe) : Grain, IWorkerGrain
{
    private readonly Guid _instanceId = Guid.NewGuid();

    public async Task<Guid> HoldAndIdentify(string gate)
    {
        probe.Increment($"worker-entered:{this.GetPrimaryKeyString()}");
        await probe.Pass(gate);
        return _instanceId;
    }
}
