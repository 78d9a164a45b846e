namespace Shop.Notifications;

/// <summary>A webhook endpoint answered with a status that is not a success; the resilience pipeline decides whether to retry.</summary>
internal sealed class WebhookRejectedException(int statusCode) : Exception($"The endpoint answered {statusCode}.")
{
    public int StatusCode { get; } = statusCode;

    /// <summary>Server errors, timeouts and throttling may pass; other client errors will not.</summary>
    public bool IsTransient => StatusCode is >= 500 or 408 or 429;
}
