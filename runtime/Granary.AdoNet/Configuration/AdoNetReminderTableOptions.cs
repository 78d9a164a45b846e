using Microsoft.Extensions.Options;

namespace Granary.Configuration;

/// <summary>
/// The PostgreSQL reminder table. Bound from the configuration section <c>Granary:Reminders:AdoNet</c>
/// (e.g. <c>Granary:Reminders:AdoNet:ConnectionString</c>, environment <c>Granary__Reminders__AdoNet__ConnectionString</c>).
/// </summary>
public sealed class AdoNetReminderTableOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Granary:Reminders:AdoNet";

    /// <summary>The Npgsql connection string. Required.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Applies the embedded schema migrations at silo start; see <see cref="AdoNetGrainStorageOptions.ApplyMigrations"/>. Default: true.</summary>
    public bool ApplyMigrations { get; set; } = true;

    /// <summary>Retries, timeouts and circuit breaking.</summary>
    public AdoNetResilienceOptions Resilience { get; } = new();
}

internal sealed class AdoNetReminderTableOptionsValidator : IValidateOptions<AdoNetReminderTableOptions>
{
    public ValidateOptionsResult Validate(string? name, AdoNetReminderTableOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            return ValidateOptionsResult.Fail($"{AdoNetReminderTableOptions.SectionName}:ConnectionString is required: the PostgreSQL connection string of the reminder table.");
        return options.Resilience.Validate(AdoNetReminderTableOptions.SectionName) is { } failure ? ValidateOptionsResult.Fail(failure) : ValidateOptionsResult.Success;
    }
}
