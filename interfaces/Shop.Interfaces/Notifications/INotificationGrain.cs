using Orleans;
using Orleans.Concurrency;
using Shop.Events;

namespace Shop.Notifications;

/// <summary>
/// A user's webhooks and the log of what was delivered to them, keyed by the user id. Each order event is
/// delivered to each webhook at most once per event id, with retries while the endpoint fails.
/// </summary>
[Alias("shop.INotificationGrain")]
public interface INotificationGrain : IGrainWithGuidKey
{
    /// <summary>Registers a webhook; registering the same URL again returns the existing registration.</summary>
    Task<WebhookRegistration> AddWebhook(Uri url);

    /// <summary>The registered webhooks.</summary>
    [ReadOnly]
    Task<IReadOnlyList<WebhookRegistration>> GetWebhooks();

    /// <summary>Queues the event for every webhook; an event id seen before is ignored.</summary>
    Task Notify(OrderEvent orderEvent);

    /// <summary>A page of the delivery log, newest first.</summary>
    [ReadOnly]
    Task<DeliveryPage> GetDeliveries(int skip, int take);
}
