using Shop.Api.Problems;
using Shop.Notifications;

namespace Shop.Api.Contracts;

/// <summary>POST /api/v1/users/{id}/webhooks.</summary>
public sealed record AddWebhookRequest(string? Url)
{
    internal RequestErrors Validate()
    {
        var errors = new RequestErrors().Text("url", Url, RequestLimits.MaxUrlLength);
        if (errors.IsEmpty && !(Uri.TryCreate(Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            errors.Add("url", "must be an absolute http or https URL.");
        return errors;
    }
}

/// <summary>A registered webhook.</summary>
public sealed record WebhookResponse(Guid Id, Uri Url, DateTimeOffset RegisteredAt)
{
    internal static WebhookResponse From(WebhookRegistration webhook) => new(webhook.Id, webhook.Url, webhook.RegisteredAt);
}

/// <summary>One entry of the delivery log.</summary>
public sealed record DeliveryResponse(
    string EventId, string EventType, Guid OrderId, Uri Url, DeliveryStatus Status, int Attempts, DateTimeOffset QueuedAt, DateTimeOffset? DeliveredAt, string? LastError)
{
    internal static DeliveryResponse From(DeliveryRecord d) =>
        new(d.EventId, d.EventType, d.OrderId, d.Url, d.Status, d.Attempts, d.QueuedAt, d.DeliveredAt, d.LastError);
}
