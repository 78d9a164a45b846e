using Orleans;
using Shop.Events;

namespace Shop.Users;

/// <summary>A wallet's balance, the totals that explain it and every operation id it has seen.</summary>
[GenerateSerializer]
[Alias("shop.users.WalletState")]
internal sealed class WalletState
{
    [Id(0)]
    public decimal Balance { get; set; }

    [Id(1)]
    public decimal Deposited { get; set; }

    [Id(2)]
    public decimal Debited { get; set; }

    [Id(3)]
    public decimal Refunded { get; set; }

    /// <summary>Outcomes by operation id: a repeated operation id is answered from here.</summary>
    [Id(4)]
    public Dictionary<string, WalletOperation> Operations { get; set; } = [];

    [Id(5)]
    public List<WalletChanged> Outbox { get; set; } = [];

    public WalletSnapshot Snapshot() => new(Balance, Deposited, Debited, Refunded);

    /// <summary>
    /// Forgets operations recorded before <paramref name="recordedBefore"/> that no later call can depend on: all but
    /// the debits still standing, which a cancellation may refund at any time.
    /// </summary>
    public void ForgetOperationsBefore(DateTimeOffset recordedBefore)
    {
        foreach (var (operationId, operation) in Operations)
        {
            var standingDebit = operation is { Kind: WalletChange.Debited, Succeeded: true, RefundedBy: null };
            if (!standingDebit && operation.RecordedAt < recordedBefore) Operations.Remove(operationId);
        }
    }
}

/// <summary>
/// What one operation id did. A debit that was refunded, or voided by a refund that came first, records it
/// in <see cref="RefundedBy"/>, so it is never refunded twice and a late debit with that id moves nothing.
/// </summary>
[GenerateSerializer]
[Alias("shop.users.WalletOperation")]
internal sealed record WalletOperation(
    [Id(0)] WalletChange Kind,
    [Id(1)] decimal Amount,
    [Id(2)] bool Succeeded,
    [Id(3)] decimal BalanceAfter,
    [Id(4)] string? FailureReason = null,
    [Id(5)] string? RefundedBy = null,
    [Id(6)] DateTimeOffset RecordedAt = default);
