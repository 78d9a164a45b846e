using Orleans;
using Orleans.Runtime;
using Shop.Infrastructure;

namespace Shop.Orders;

/// <summary>The list of a user's orders, which the order grains add themselves to when placed.</summary>
[GrainType("user-orders")]
internal sealed class UserOrdersGrain(
    [PersistentState("orders", ShopStorage.Name)] IPersistentState<UserOrdersState> orders) : Grain, IUserOrdersGrain
{
    public async Task Track(Guid orderId)
    {
        // Orders are tracked before they settle; a retried placement tracks the same id again.
        if (orders.State.OrderIds.Contains(orderId)) return;
        orders.State.OrderIds.Add(orderId);
        await this.PersistAsync(orders);
    }

    public Task<OrderIdPage> List(int skip, int take)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        var ids = orders.State.OrderIds;
        var page = Enumerable.Range(0, ids.Count).Reverse().Skip(skip).Take(take).Select(i => ids[i]).ToList();
        return Task.FromResult(new OrderIdPage(page, ids.Count));
    }
}
