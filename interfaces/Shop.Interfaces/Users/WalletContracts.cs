using Orleans;

namespace Shop.Users;

/// <summary>A wallet's balance with its running totals: Balance = Deposited - Debited + Refunded.</summary>
[GenerateSerializer]
[Alias("shop.users.WalletSnapshot")]
public sealed record WalletSnapshot([Id(0)] decimal Balance, [Id(1)] decimal Deposited, [Id(2)] decimal Debited, [Id(3)] decimal Refunded);

/// <summary>The outcome of a debit: the balance after it, or why it was refused.</summary>
[GenerateSerializer]
[Alias("shop.users.DebitResult")]
public sealed record DebitResult([Id(0)] bool Succeeded, [Id(1)] decimal Balance, [Id(2)] string? FailureReason = null);
