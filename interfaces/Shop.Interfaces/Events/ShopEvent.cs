using Orleans;

namespace Shop.Events;

/// <summary>
/// A domain event. <see cref="EventId"/> is derived from what happened (for example the order id and its new
/// status), so the same change reported twice carries the same id and consumers can drop the repeat.
/// </summary>
[GenerateSerializer]
[Alias("shop.events.ShopEvent")]
public abstract record ShopEvent([Id(0)] string EventId, [Id(1)] DateTimeOffset OccurredAt)
{
    /// <summary>
    /// The W3C traceparent of the span that published the event, so its delivery joins the trace of the request
    /// that caused it whatever the stream provider carries (set at publish; null when nothing was traced).
    /// </summary>
    [Id(2)]
    public string? TraceParent { get; init; }
}
