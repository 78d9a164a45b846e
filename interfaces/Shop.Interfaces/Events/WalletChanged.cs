using Orleans;

namespace Shop.Events;

/// <summary>What moved money in a wallet.</summary>
public enum WalletChange
{
    /// <summary>Money paid in.</summary>
    Deposited,

    /// <summary>Money taken for an order.</summary>
    Debited,

    /// <summary>A debit given back.</summary>
    Refunded,
}

/// <summary>A wallet's balance changed; published on the user's <see cref="ShopStreams.Wallets"/> stream. The event id is the operation id.</summary>
[GenerateSerializer]
[Alias("shop.events.WalletChanged")]
public sealed record WalletChanged(
    string EventId,
    DateTimeOffset OccurredAt,
    [Id(0)] Guid UserId,
    [Id(1)] WalletChange Change,
    [Id(2)] decimal Amount,
    [Id(3)] decimal Balance) : ShopEvent(EventId, OccurredAt);
