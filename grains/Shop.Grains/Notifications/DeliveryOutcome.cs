namespace Shop.Notifications;

/// <summary>How one delivery round went.</summary>
internal enum DeliveryResult
{
    /// <summary>The endpoint answered with a success status.</summary>
    Delivered,

    /// <summary>Every request of the round failed in a way a later round may not (5xx, 408, 429, timeout, no response).</summary>
    TransientFailure,

    /// <summary>The endpoint's circuit is open: no request was sent.</summary>
    CircuitOpen,

    /// <summary>The endpoint refused the event (another 4xx); retrying would not help.</summary>
    Refused,
}

/// <summary>The result of a delivery round, the requests it sent and the last error.</summary>
internal readonly record struct DeliveryOutcome(DeliveryResult Result, int Requests, string? Error);
