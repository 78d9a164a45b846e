namespace Shop.Notifications;

/// <summary>
/// Sends one webhook request. The silo host implements it (over HTTP); the grains decide when to send and
/// how to retry, so this is a single attempt with no policy of its own.
/// </summary>
public interface IWebhookTransport
{
    /// <summary>POSTs <paramref name="body"/> (JSON) to <paramref name="url"/> and returns the response status code; throws when no response came.</summary>
    Task<int> PostAsync(Uri url, string eventId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);
}
