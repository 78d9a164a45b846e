using Orleans;

namespace Shop.Idempotency;

/// <summary>What a request carrying an idempotency key may do.</summary>
public enum IdempotencyOutcome
{
    /// <summary>The key is new: run the request, then complete or abandon it.</summary>
    Proceed,

    /// <summary>The same request completed before: send its stored response.</summary>
    Replay,

    /// <summary>The key was used for a different request.</summary>
    Mismatch,

    /// <summary>The same request is running right now.</summary>
    InProgress,
}

/// <summary>The decision for a keyed request, with the stored response when it is a replay.</summary>
[GenerateSerializer]
[Alias("shop.idempotency.IdempotencyDecision")]
public sealed record IdempotencyDecision([Id(0)] IdempotencyOutcome Outcome, [Id(1)] StoredResponse? Response = null);

/// <summary>A response as sent the first time.</summary>
[GenerateSerializer]
[Alias("shop.idempotency.StoredResponse")]
public sealed record StoredResponse([Id(0)] int StatusCode, [Id(1)] string? ContentType, [Id(2)] string? Location, [Id(3)] byte[] Body);
