using Orleans;
using Orleans.Runtime;
using Orleans.Streams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Diagnostics;
using Shop.Events;
using Shop.Infrastructure;

namespace Shop.Notifications;

/// <summary>
/// A user's webhooks. Subscribed implicitly to the user's order stream: each order event is queued once per
/// webhook (a repeated event id is dropped) and delivered by rounds on a timer (NotificationGrain.Delivery.cs).
/// </summary>
[ImplicitStreamSubscription(ShopStreams.Orders)]
[GrainType("notification")]
internal sealed partial class NotificationGrain(
    [PersistentState("notifications", ShopStorage.Name)] IPersistentState<NotificationState> notifications,
    WebhookDispatcher dispatcher,
    IOptions<WebhookDeliveryOptions> options,
    TimeProvider time,
    ILogger<NotificationGrain> logger) : Grain, INotificationGrain
{
    private IGrainTimer? _deliveryTimer;

    private NotificationState State => notifications.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(ShopStreams.Provider).GetStream<OrderEvent>(ShopStreamIds.OrdersOf(this.GetPrimaryKey()));
        await stream.SubscribeAsync(async (orderEvent, _) =>
        {
            using var activity = ShopActivities.StartDelivery(orderEvent, ShopStreams.Orders);
            await Notify(orderEvent);
        });
        ScheduleNextRound();
    }

    public async Task<WebhookRegistration> AddWebhook(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (State.Webhooks.Find(w => w.Url == url) is { } existing) return existing;
        var registration = new WebhookRegistration(Guid.NewGuid(), url, time.GetUtcNow());
        State.Webhooks.Add(registration);
        await this.PersistAsync(notifications);
        return registration;
    }

    public Task<IReadOnlyList<WebhookRegistration>> GetWebhooks() => Task.FromResult<IReadOnlyList<WebhookRegistration>>(State.Webhooks.ToArray());

    public async Task Notify(OrderEvent orderEvent)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        if (State.Webhooks.Count == 0) return;
        if (State.SeenEventIds.Contains(orderEvent.EventId))
        {
            LogDuplicateDropped(orderEvent.EventId);
            return;
        }

        var now = time.GetUtcNow();
        var body = WebhookPayload.Serialize(orderEvent);
        State.SeenEventIds.Add(orderEvent.EventId);
        foreach (var webhook in State.Webhooks)
        {
            State.Deliveries.Add(new Delivery
            {
                EventId = orderEvent.EventId,
                EventType = orderEvent.GetType().Name,
                OrderId = orderEvent.OrderId,
                Url = webhook.Url,
                Body = body,
                Status = DeliveryStatus.Pending,
                QueuedAt = now,
                NextAttemptAt = now,
                TraceParent = orderEvent.TraceParent,
            });
        }

        await this.PersistAsync(notifications);
        ScheduleNextRound();
    }

    public Task<DeliveryPage> GetDeliveries(int skip, int take)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        var all = State.Deliveries;
        var page = Enumerable.Range(0, all.Count).Reverse().Skip(skip).Take(take).Select(i => all[i].ToRecord()).ToList();
        return Task.FromResult(new DeliveryPage(page, all.Count));
    }
}
