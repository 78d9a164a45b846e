using Microsoft.Extensions.Options;

namespace Granary.Configuration;

/// <summary>Durable reminders. Bound from the configuration section <c>Granary:Reminders</c>.</summary>
public sealed class ReminderOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Granary:Reminders";

    /// <summary>
    /// The shortest period a reminder may have; shorter ones are refused at registration. Reminders are for
    /// durable, coarse schedules (use grain timers for short ones). Default: 1 minute.
    /// </summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often a silo re-reads the reminders it owns from the table, picking up ones registered elsewhere.
    /// Default: 5 minutes.
    /// </summary>
    public TimeSpan RefreshReminderListPeriod { get; set; } = TimeSpan.FromMinutes(5);
}

internal sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        if (options.MinimumReminderPeriod <= TimeSpan.Zero)
            return ValidateOptionsResult.Fail($"{ReminderOptions.SectionName}:MinimumReminderPeriod must be positive; it is {options.MinimumReminderPeriod}.");
        if (options.RefreshReminderListPeriod <= TimeSpan.Zero)
            return ValidateOptionsResult.Fail($"{ReminderOptions.SectionName}:RefreshReminderListPeriod must be positive; it is {options.RefreshReminderListPeriod}.");
        return ValidateOptionsResult.Success;
    }
}
