using Microsoft.Extensions.Options;

namespace Shop.Orders;

/// <summary>How unsettled orders are driven to a final state. Bound from the <c>Shop:Orders</c> configuration section.</summary>
public sealed class OrderSettlementOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Shop:Orders";

    /// <summary>How often an unsettled order retries its saga. Default: 10 seconds.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The period of the durable reminder that re-activates an unsettled order after its silo died. At least the
    /// silo's Orleans <c>ReminderOptions.MinimumReminderPeriod</c> (1 minute unless the host lowers it). Default: 1 minute.
    /// </summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an order may stay Pending before it is rejected and compensated. Default: 2 minutes.</summary>
    public TimeSpan PendingTimeout { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>Stops start-up on settings that would leave orders unsettled.</summary>
internal sealed class OrderSettlementOptionsValidator : IValidateOptions<OrderSettlementOptions>
{
    public ValidateOptionsResult Validate(string? name, OrderSettlementOptions options)
    {
        var failures = new List<string>();
        if (options.RetryInterval <= TimeSpan.Zero) failures.Add($"{OrderSettlementOptions.SectionName}:RetryInterval must be positive (got {options.RetryInterval}).");
        if (options.ReminderPeriod <= TimeSpan.Zero) failures.Add($"{OrderSettlementOptions.SectionName}:ReminderPeriod must be positive (got {options.ReminderPeriod}).");
        if (options.PendingTimeout <= TimeSpan.Zero) failures.Add($"{OrderSettlementOptions.SectionName}:PendingTimeout must be positive (got {options.PendingTimeout}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
