using System.Net.Http.Headers;
using Shop.Notifications;

namespace Shop.Silo;

/// <summary>Sends webhooks as JSON POSTs; the event id travels in a header so receivers can drop repeats too.</summary>
internal sealed class HttpWebhookTransport(IHttpClientFactory clients) : IWebhookTransport
{
    /// <summary>The header carrying the event id.</summary>
    public const string EventIdHeader = "X-Shop-Event-Id";

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public async Task<int> PostAsync(Uri url, string eventId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ReadOnlyMemoryContent(body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.Add(EventIdHeader, eventId);
        using var response = await clients.CreateClient(ShopSilo.WebhookClientName)
            .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return (int)response.StatusCode;
    }
}
