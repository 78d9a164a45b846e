using Orleans;
using Orleans.Concurrency;

namespace Shop.Orders;

/// <summary>
/// One order, keyed by the order id, and the saga that settles it: reserve every line, debit the wallet, then
/// Confirmed; any failure releases what was reserved, refunds what was debited and ends Rejected with a reason.
/// </summary>
[Alias("shop.IOrderGrain")]
public interface IOrderGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Places the order and runs the saga. Placing an order that exists returns it as it is: the first placement
    /// wins. The result is Pending when a step could not complete; the order is then settled in the background.
    /// </summary>
    Task<OrderSnapshot> Place(PlaceOrder command);

    /// <summary>The order, or null when none was placed under this id.</summary>
    [ReadOnly]
    Task<OrderSnapshot?> Get();

    /// <summary>Cancels a Pending or Confirmed order, returning its stock and money.</summary>
    Task<CancelOrderResult> Cancel();

    /// <summary>Drives a Pending order on towards a final state; does nothing to a settled order.</summary>
    Task<OrderSnapshot?> Settle();
}
