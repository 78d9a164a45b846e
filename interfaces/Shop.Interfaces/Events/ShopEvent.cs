using Orleans;

namespace Shop.Events;

/// <summary>
/// A domain event. <see cref="EventId"/> is derived from what happened (for example the order id and its new
/// status), so the same change reported twice carries the same id and consumers can drop the repeat.
/// </summary>
[GenerateSerializer]
[Alias("shop.events.ShopEvent")]
public abstract record ShopEvent([Id(0)] string EventId, [Id(1)] DateTimeOffset OccurredAt);
