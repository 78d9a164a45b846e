using Orleans;
using Orleans.Concurrency;

namespace Shop.Orders;

/// <summary>The ids of a user's orders, newest first, keyed by the user id.</summary>
[Alias("shop.IUserOrdersGrain")]
public interface IUserOrdersGrain : IGrainWithGuidKey
{
    /// <summary>Adds an order to the user's list; adding it again does nothing.</summary>
    Task Track(Guid orderId);

    /// <summary>A page of order ids, newest first.</summary>
    [ReadOnly]
    Task<OrderIdPage> List(int skip, int take);
}

/// <summary>A page of order ids and how many there are in all.</summary>
[GenerateSerializer]
[Alias("shop.orders.OrderIdPage")]
public sealed record OrderIdPage([Id(0)] IReadOnlyList<Guid> OrderIds, [Id(1)] int Total);
