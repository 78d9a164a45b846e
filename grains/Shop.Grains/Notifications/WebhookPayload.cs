using System.Text.Json;
using System.Text.Json.Serialization;
using Shop.Events;

namespace Shop.Notifications;

/// <summary>The JSON body POSTed to webhooks for an order event.</summary>
internal sealed record WebhookPayload(
    string EventId,
    string Type,
    Guid OrderId,
    Guid UserId,
    string Status,
    decimal Total,
    string? Reason,
    DateTimeOffset OccurredAt)
{
    public static byte[] Serialize(OrderEvent orderEvent) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new WebhookPayload(
                orderEvent.EventId,
                orderEvent.GetType().Name,
                orderEvent.OrderId,
                orderEvent.UserId,
                orderEvent.Status.ToString(),
                orderEvent.Total,
                (orderEvent as OrderRejected)?.Reason,
                orderEvent.OccurredAt),
            WebhookPayloadJson.Default.WebhookPayload);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(WebhookPayload))]
internal sealed partial class WebhookPayloadJson : JsonSerializerContext;
