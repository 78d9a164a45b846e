using Orleans;
using Orleans.Runtime;
using Shop.Infrastructure;

namespace Shop.Idempotency;

/// <summary>
/// One idempotency key. Requests with the key run one at a time here, so two concurrent retries cannot both
/// proceed: the second sees the first in progress, or its response.
/// </summary>
[GrainType("idempotency")]
internal sealed class IdempotencyGrain(
    [PersistentState("idempotency", ShopStorage.Name)] IPersistentState<IdempotencyState> key,
    TimeProvider time) : Grain, IIdempotencyGrain
{
    /// <summary>How long a key is remembered after its request completed.</summary>
    private static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>How long a request may run before its key is considered abandoned (its server died mid-request).</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    public async Task<IdempotencyDecision> Begin(string fingerprint)
    {
        ArgumentException.ThrowIfNullOrEmpty(fingerprint);
        var now = time.GetUtcNow();
        if (key.RecordExists && !IsExpired(now))
        {
            if (key.State.Fingerprint != fingerprint) return new IdempotencyDecision(IdempotencyOutcome.Mismatch);
            if (key.State.Response is { } response) return new IdempotencyDecision(IdempotencyOutcome.Replay, response);
            return new IdempotencyDecision(IdempotencyOutcome.InProgress);
        }

        key.State = new IdempotencyState { Fingerprint = fingerprint, StartedAt = now };
        await this.PersistAsync(key);
        return new IdempotencyDecision(IdempotencyOutcome.Proceed);
    }

    public async Task Complete(string fingerprint, StoredResponse response)
    {
        if (!key.RecordExists || key.State.Fingerprint != fingerprint || key.State.Response is not null) return;
        key.State.Response = response;
        key.State.CompletedAt = time.GetUtcNow();
        await this.PersistAsync(key);
    }

    public async Task Abandon(string fingerprint)
    {
        if (!key.RecordExists || key.State.Fingerprint != fingerprint || key.State.Response is not null) return;
        await key.ClearStateAsync();
    }

    private bool IsExpired(DateTimeOffset now) => key.State.Response is null
        ? now - key.State.StartedAt > Lease
        : now - key.State.CompletedAt > Retention;
}
