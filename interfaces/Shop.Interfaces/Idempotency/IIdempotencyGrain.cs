using Orleans;

namespace Shop.Idempotency;

/// <summary>
/// The record of one idempotency key, keyed by the key's scope and value. The first request with the key runs;
/// a repeat with the same request fingerprint gets the first response, a repeat with another fingerprint is refused.
/// </summary>
[Alias("shop.IIdempotencyGrain")]
public interface IIdempotencyGrain : IGrainWithStringKey
{
    /// <summary>Decides what a request with this key and <paramref name="fingerprint"/> may do.</summary>
    Task<IdempotencyDecision> Begin(string fingerprint);

    /// <summary>Stores the response of the request that began with <paramref name="fingerprint"/>.</summary>
    Task Complete(string fingerprint, StoredResponse response);

    /// <summary>Forgets an unfinished request (it failed on the server), so a retry runs again.</summary>
    Task Abandon(string fingerprint);
}
