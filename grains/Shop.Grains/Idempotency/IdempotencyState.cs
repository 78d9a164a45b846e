using Orleans;

namespace Shop.Idempotency;

/// <summary>The request an idempotency key was first used for and, once it finished, its response.</summary>
[GenerateSerializer]
[Alias("shop.idempotency.IdempotencyState")]
internal sealed class IdempotencyState
{
    [Id(0)]
    public string Fingerprint { get; set; } = "";

    [Id(1)]
    public DateTimeOffset StartedAt { get; set; }

    [Id(2)]
    public StoredResponse? Response { get; set; }

    [Id(3)]
    public DateTimeOffset CompletedAt { get; set; }
}
