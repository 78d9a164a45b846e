using Microsoft.Extensions.Options;

namespace Granary.Configuration;

/// <summary>
/// A PostgreSQL grain storage. Bound from the configuration section <c>Granary:Storage:&lt;name&gt;</c>, so the
/// storage <c>orders</c> reads <c>Granary:Storage:orders:ConnectionString</c> (environment: <c>Granary__Storage__orders__ConnectionString</c>).
/// </summary>
public sealed class AdoNetGrainStorageOptions
{
    /// <summary>The parent configuration section; each storage binds its own child section named like the storage.</summary>
    public const string SectionPrefix = "Granary:Storage";

    /// <summary>The Npgsql connection string. Required.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Applies the embedded schema migrations at silo start (under an advisory lock). Set false where runtime DDL
    /// is forbidden and apply the scripts with psql instead; the silo then only checks the schema version. Default: true.
    /// </summary>
    public bool ApplyMigrations { get; set; } = true;

    /// <summary>Also stores each state as JSON (column <c>payload_json</c>) for people inspecting the table; never read back. Default: false.</summary>
    public bool StoreJson { get; set; }

    /// <summary>Retries, timeouts and circuit breaking.</summary>
    public AdoNetResilienceOptions Resilience { get; } = new();

    internal static string Section(string name) => $"{SectionPrefix}:{name}";
}

internal sealed class AdoNetGrainStorageOptionsValidator : IValidateOptions<AdoNetGrainStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, AdoNetGrainStorageOptions options)
    {
        var section = AdoNetGrainStorageOptions.Section(name ?? "");
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            return ValidateOptionsResult.Fail($"{section}:ConnectionString is required: the PostgreSQL connection string of grain storage '{name}'.");
        return options.Resilience.Validate(section) is { } failure ? ValidateOptionsResult.Fail(failure) : ValidateOptionsResult.Success;
    }
}
