using Orleans;

namespace Shop.Orders;

/// <summary>A user's order ids in the order they were placed.</summary>
[GenerateSerializer]
[Alias("shop.orders.UserOrdersState")]
internal sealed class UserOrdersState
{
    [Id(0)]
    public List<Guid> OrderIds { get; set; } = [];
}
