using Orleans;

namespace Shop.Notifications;

/// <summary>A user's webhooks, the delivery log and the ids of every event already queued.</summary>
[GenerateSerializer]
[Alias("shop.notifications.NotificationState")]
internal sealed class NotificationState
{
    [Id(0)]
    public List<WebhookRegistration> Webhooks { get; set; } = [];

    [Id(1)]
    public List<Delivery> Deliveries { get; set; } = [];

    /// <summary>Event ids already queued: a redelivered event is dropped here, so no endpoint gets it twice.</summary>
    [Id(2)]
    public HashSet<string> SeenEventIds { get; set; } = [];
}

/// <summary>One event for one webhook: the body to send and how delivery is going.</summary>
[GenerateSerializer]
[Alias("shop.notifications.Delivery")]
internal sealed class Delivery
{
    [Id(0)]
    public string EventId { get; set; } = "";

    [Id(1)]
    public string EventType { get; set; } = "";

    [Id(2)]
    public Guid OrderId { get; set; }

    [Id(3)]
    public Uri Url { get; set; } = null!;

    /// <summary>The JSON to send; dropped once the delivery is final, since the log keeps only what happened.</summary>
    [Id(4)]
    public byte[] Body { get; set; } = [];

    [Id(5)]
    public DeliveryStatus Status { get; set; }

    /// <summary>Requests sent so far, retries included.</summary>
    [Id(6)]
    public int Requests { get; set; }

    [Id(7)]
    public int Rounds { get; set; }

    [Id(8)]
    public DateTimeOffset QueuedAt { get; set; }

    [Id(9)]
    public DateTimeOffset NextAttemptAt { get; set; }

    [Id(10)]
    public DateTimeOffset? DeliveredAt { get; set; }

    [Id(11)]
    public string? LastError { get; set; }

    /// <summary>The traceparent of the event's publish, so the webhook requests join the trace that caused them.</summary>
    [Id(12)]
    public string? TraceParent { get; set; }

    public DeliveryRecord ToRecord() => new(EventId, EventType, OrderId, Url, Status, Requests, QueuedAt, DeliveredAt, LastError);
}
