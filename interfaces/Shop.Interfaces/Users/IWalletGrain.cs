using Orleans;
using Orleans.Concurrency;

namespace Shop.Users;

/// <summary>
/// The wallet of one user, keyed by the user id. Every movement carries an operation id: repeating an
/// operation id returns the first outcome and never moves money twice.
/// </summary>
[Alias("shop.IWalletGrain")]
public interface IWalletGrain : IGrainWithGuidKey
{
    /// <summary>Adds a positive amount.</summary>
    Task<WalletSnapshot> Deposit(string operationId, decimal amount);

    /// <summary>Takes a positive amount when the balance covers it; otherwise fails and changes nothing.</summary>
    Task<DebitResult> Debit(string operationId, decimal amount);

    /// <summary>
    /// Gives back the amount of the debit <paramref name="debitOperationId"/>, once. Refunding a debit that never
    /// happened does nothing, so a compensation may refund without knowing whether its debit went through.
    /// </summary>
    Task<WalletSnapshot> Refund(string operationId, string debitOperationId);

    /// <summary>The balance and the totals that explain it.</summary>
    [ReadOnly]
    Task<WalletSnapshot> GetSnapshot();
}
