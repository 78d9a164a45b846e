using Orleans;

namespace Shop.Notifications;

/// <summary>A webhook a user registered.</summary>
[GenerateSerializer]
[Alias("shop.notifications.WebhookRegistration")]
public sealed record WebhookRegistration([Id(0)] Guid Id, [Id(1)] Uri Url, [Id(2)] DateTimeOffset RegisteredAt);

/// <summary>Where one delivery stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Not delivered yet; another attempt is scheduled.</summary>
    Pending,

    /// <summary>The endpoint acknowledged it with a success status.</summary>
    Delivered,

    /// <summary>Every attempt failed; no more will be made.</summary>
    Failed,
}

/// <summary>One event for one webhook, and how its delivery went.</summary>
[GenerateSerializer]
[Alias("shop.notifications.DeliveryRecord")]
public sealed record DeliveryRecord(
    [Id(0)] string EventId,
    [Id(1)] string EventType,
    [Id(2)] Guid OrderId,
    [Id(3)] Uri Url,
    [Id(4)] DeliveryStatus Status,
    [Id(5)] int Attempts,
    [Id(6)] DateTimeOffset QueuedAt,
    [Id(7)] DateTimeOffset? DeliveredAt,
    [Id(8)] string? LastError);

/// <summary>A page of the delivery log and its full length.</summary>
[GenerateSerializer]
[Alias("shop.notifications.DeliveryPage")]
public sealed record DeliveryPage([Id(0)] IReadOnlyList<DeliveryRecord> Deliveries, [Id(1)] int Total);
