using Microsoft.Extensions.Options;

namespace Shop;

/// <summary>
/// How long whole-state grains remember settled records. Bound from <c>Shop:Retention</c>. Those records only answer
/// late repeats; without a limit, state that is written whole on every change would grow with every order ever placed.
/// </summary>
public sealed class RetentionOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Shop:Retention";

    /// <summary>
    /// How long a SKU remembers an order whose units went back (released or returned). Only that order's saga calls
    /// with its id, and a settled order calls no more, so this need only outlast a call's timeout. Default: 1 hour.
    /// </summary>
    public TimeSpan SettledReservations { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a wallet remembers operation ids other than debits still standing (which a cancellation may refund at
    /// any time). Keep it well past the API's 24-hour idempotency window. Default: 7 days.
    /// </summary>
    public TimeSpan WalletOperations { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long a SKU remembers the operation id of a stock addition, so a retried addition is applied once. Keep it
    /// well past the API's 24-hour idempotency window. Default: 7 days.
    /// </summary>
    public TimeSpan StockAdditions { get; set; } = TimeSpan.FromDays(7);
}

/// <summary>Stops start-up on retention settings that would forget records while repeats may still arrive.</summary>
internal sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var failures = new List<string>();
        if (options.SettledReservations < TimeSpan.FromMinutes(5)) failures.Add($"{RetentionOptions.SectionName}:SettledReservations must be at least 5 minutes (got {options.SettledReservations}).");
        if (options.WalletOperations < TimeSpan.FromMinutes(5)) failures.Add($"{RetentionOptions.SectionName}:WalletOperations must be at least 5 minutes (got {options.WalletOperations}).");
        if (options.StockAdditions < TimeSpan.FromMinutes(5)) failures.Add($"{RetentionOptions.SectionName}:StockAdditions must be at least 5 minutes (got {options.StockAdditions}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
