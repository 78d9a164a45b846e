using Granary.Concurrency;
using Granary.Serialization;

namespace Granary.Runtime.Tests.Grains;

public interface IContextGrain : IGrainWithStringKey
{
    Task<string?> Read(string key);

    Task<string?> ReadVia(string otherKey, string key);
}

public sealed class ContextGrain : Grain, IContextGrain
{
    public Task<string?> Read(string key) => Task.FromResult(RequestContext.Get(key) as string);

    public Task<string?> ReadVia(string otherKey, string key) => GrainFactory.GetGrain<IContextGrain>(otherKey).Read(key);
}

public interface IChatObserver : IGrainObserver
{
    Task Receive(string message);
}

public interface IRoomGrain : IGrainWithStringKey
{
    Task Join(IChatObserver observer);

    Task<int> Say(string message);
}

public sealed class RoomGrain : Grain, IRoomGrain
{
    private readonly List<IChatObserver> _members = [];

    public Task Join(IChatObserver observer)
    {
        _members.Add(observer);
        return Task.CompletedTask;
    }

    public async Task<int> Say(string message)
    {
        foreach (var member in _members) await member.Receive(message);
        return _members.Count;
    }
}

[GenerateSerializer]
public sealed class Payload
{
    [Id(0)]
    public List<int> Items { get; set; } = [];
}

public interface IIsolationGrain : IGrainWithStringKey
{
    Task<int> MutateAndCount(Payload payload);

    Task<bool> SameAsLastSeen(Immutable<Payload> payload);

    Task<Payload> Stored();
}

public sealed class IsolationGrain : Grain, IIsolationGrain
{
    private static Payload? _lastSeen;
    private readonly Payload _stored = new() { Items = [1, 2, 3] };

    public Task<int> MutateAndCount(Payload payload)
    {
        payload.Items.Add(-1);
        return Task.FromResult(payload.Items.Count);
    }

    public Task<bool> SameAsLastSeen(Immutable<Payload> payload)
    {
        var same = ReferenceEquals(_lastSeen, payload.Value);
        _lastSeen = payload.Value;
        return Task.FromResult(same);
    }

    public Task<Payload> Stored() => Task.FromResult(_stored);
}
