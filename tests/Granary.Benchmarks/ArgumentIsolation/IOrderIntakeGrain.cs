using System.Runtime.CompilerServices;
using Granary.Benchmarks.Orders;
using Granary.Concurrency;

namespace Granary.Benchmarks.ArgumentIsolation;

/// <summary>
/// One call taking an order three ways. Each returns the identity hash of the order the grain received,
/// so the caller can tell whether the runtime copied the argument or passed it by reference.
/// </summary>
public interface IOrderIntakeGrain : IGrainWithIntegerKey
{
    /// <summary>A mutable argument: the runtime deep-copies it.</summary>
    Task<int> Submit(OrderDto order);

    /// <summary>Wrapped in <see cref="Immutable{T}"/>: passed by reference.</summary>
    Task<int> SubmitWrapped(Immutable<OrderDto> order);

    /// <summary>A parameter marked [Immutable]: passed by reference.</summary>
    Task<int> SubmitMarked([Immutable] OrderDto order);
}

public sealed class OrderIntakeGrain : Grain, IOrderIntakeGrain
{
    private long _linesReceived;

    public Task<int> Submit(OrderDto order) => Receive(order);

    public Task<int> SubmitWrapped(Immutable<OrderDto> order) => Receive(order.Value);

    public Task<int> SubmitMarked(OrderDto order) => Receive(order);

    private Task<int> Receive(OrderDto order)
    {
        _linesReceived += order.Lines.Count;
        return Task.FromResult(RuntimeHelpers.GetHashCode(order));
    }
}
