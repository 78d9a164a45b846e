namespace Granary.Runtime.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Add(int amount);

    ValueTask<int> Get();

    Task<Guid> GetInstanceId();
}

public sealed class CounterGrain : Grain, ICounterGrain
{
    private readonly Guid _instanceId = Guid.NewGuid();
    private int _value;

    public Task<int> Add(int amount) => Task.FromResult(_value += amount);

    public ValueTask<int> Get() => ValueTask.FromResult(_value);

    public Task<Guid> GetInstanceId() => Task.FromResult(_instanceId);
}
