using Orleans;
using Orleans.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Events;
using Shop.Infrastructure;

namespace Shop.Users;

/// <summary>
/// A user's money. Each movement is recorded under its operation id in the same write that changes the
/// balance, so a retried operation is answered from the record and never applied twice.
/// </summary>
[GrainType("wallet")]
internal sealed class WalletGrain(
    [PersistentState("wallet", ShopStorage.Name)] IPersistentState<WalletState> wallet,
    IOptions<RetentionOptions> retention,
    TimeProvider time,
    ILogger<WalletGrain> logger) : Grain, IWalletGrain
{
    private const string InsufficientFunds = "insufficient funds";

    private WalletState State => wallet.State;

    public async Task<WalletSnapshot> Deposit(string operationId, decimal amount)
    {
        ArgumentException.ThrowIfNullOrEmpty(operationId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        if (State.Operations.ContainsKey(operationId)) return State.Snapshot();

        State.Balance += amount;
        State.Deposited += amount;
        await RecordAsync(operationId, new WalletOperation(WalletChange.Deposited, amount, true, State.Balance));
        return State.Snapshot();
    }

    public async Task<DebitResult> Debit(string operationId, decimal amount)
    {
        ArgumentException.ThrowIfNullOrEmpty(operationId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        if (State.Operations.TryGetValue(operationId, out var seen))
            return new DebitResult(seen.Succeeded && seen.RefundedBy is null, State.Balance, seen.FailureReason ?? (seen.Succeeded ? null : "voided"));

        if (State.Balance < amount)
        {
            await RecordAsync(operationId, new WalletOperation(WalletChange.Debited, amount, false, State.Balance, InsufficientFunds));
            return new DebitResult(false, State.Balance, InsufficientFunds);
        }

        State.Balance -= amount;
        State.Debited += amount;
        await RecordAsync(operationId, new WalletOperation(WalletChange.Debited, amount, true, State.Balance));
        return new DebitResult(true, State.Balance);
    }

    public async Task<WalletSnapshot> Refund(string operationId, string debitOperationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(operationId);
        ArgumentException.ThrowIfNullOrEmpty(debitOperationId);
        if (State.Operations.ContainsKey(operationId)) return State.Snapshot();

        if (!State.Operations.TryGetValue(debitOperationId, out var debit))
        {
            // The debit never arrived: void its id so that it cannot move money if it arrives late.
            State.Operations[debitOperationId] = new WalletOperation(WalletChange.Debited, 0, false, State.Balance, "voided", operationId, time.GetUtcNow());
            await RecordAsync(operationId, new WalletOperation(WalletChange.Refunded, 0, false, State.Balance, "nothing was debited"));
            return State.Snapshot();
        }

        if (!debit.Succeeded || debit.RefundedBy is not null)
        {
            await RecordAsync(operationId, new WalletOperation(WalletChange.Refunded, 0, false, State.Balance, "nothing to refund"));
            return State.Snapshot();
        }

        State.Balance += debit.Amount;
        State.Refunded += debit.Amount;
        State.Operations[debitOperationId] = debit with { RefundedBy = operationId };
        await RecordAsync(operationId, new WalletOperation(WalletChange.Refunded, debit.Amount, true, State.Balance));
        return State.Snapshot();
    }

    public Task<WalletSnapshot> GetSnapshot() => Task.FromResult(State.Snapshot());

    private async Task RecordAsync(string operationId, WalletOperation operation)
    {
        var now = time.GetUtcNow();
        State.ForgetOperationsBefore(now - retention.Value.WalletOperations);
        State.Operations[operationId] = operation with { RecordedAt = now };
        if (operation.Succeeded)
        {
            State.Outbox.Add(new WalletChanged(operationId, now, this.GetPrimaryKey(), operation.Kind, operation.Amount, operation.BalanceAfter));
        }

        await this.PersistAsync(wallet);
        await this.TryPublishAsync(State.Outbox, ShopStreamIds.WalletsOf(this.GetPrimaryKey()), logger);
    }
}
