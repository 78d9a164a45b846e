using Orleans;
using Orleans.Runtime;
using Shop.Infrastructure;

namespace Shop.Idempotency;

/// <summary>
/// One idempotency key. Requests with the key run one at a time here, so two concurrent retries cannot both
/// proceed: the second sees the first in progress, or its response.
/// </summary>
/// <remarks>
/// Only a finished request's response is stored. The request in progress is held in memory: were it stored, a
/// request that failed because storage was down could not be abandoned either (storage is down), and its key would
/// answer "in progress" until the lease ran out, long after storage came back. Holding it in memory costs nothing in
/// safety: a request runs again only when this activation is gone, and what it creates is addressed by ids derived
/// from the key, whose own grains apply it once.
/// </remarks>
[GrainType("idempotency")]
internal sealed class IdempotencyGrain(
    [PersistentState("idempotency", ShopStorage.Name)] IPersistentState<IdempotencyState> key,
    TimeProvider time) : Grain, IIdempotencyGrain
{
    /// <summary>How long a key is remembered after its request completed.</summary>
    private static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>How long a request may run before its key is considered abandoned (its API process died mid-request).</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private (string Fingerprint, DateTimeOffset StartedAt)? _inProgress;

    public Task<IdempotencyDecision> Begin(string fingerprint)
    {
        ArgumentException.ThrowIfNullOrEmpty(fingerprint);
        var now = time.GetUtcNow();
        if (key.State.Response is { } response && now - key.State.CompletedAt <= Retention)
        {
            return Task.FromResult(key.State.Fingerprint == fingerprint
                ? new IdempotencyDecision(IdempotencyOutcome.Replay, response)
                : new IdempotencyDecision(IdempotencyOutcome.Mismatch));
        }

        if (_inProgress is { } running && now - running.StartedAt <= Lease)
        {
            return Task.FromResult(new IdempotencyDecision(running.Fingerprint == fingerprint ? IdempotencyOutcome.InProgress : IdempotencyOutcome.Mismatch));
        }

        _inProgress = (fingerprint, now);
        return Task.FromResult(new IdempotencyDecision(IdempotencyOutcome.Proceed));
    }

    public async Task Complete(string fingerprint, StoredResponse response)
    {
        if (_inProgress is not { } running || running.Fingerprint != fingerprint) return;
        key.State = new IdempotencyState { Fingerprint = fingerprint, StartedAt = running.StartedAt, Response = response, CompletedAt = time.GetUtcNow() };
        // A failed write deactivates this activation, which forgets the request in progress: a retry runs again.
        await this.PersistAsync(key);
        _inProgress = null;
    }

    public Task Abandon(string fingerprint)
    {
        if (_inProgress is { } running && running.Fingerprint == fingerprint) _inProgress = null;
        return Task.CompletedTask;
    }
}
