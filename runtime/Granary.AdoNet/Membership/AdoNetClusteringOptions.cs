using Microsoft.Extensions.Options;

namespace Granary.Configuration;

/// <summary>
/// The PostgreSQL membership table. Bound from the configuration section <c>Granary:Clustering:AdoNet</c>
/// (e.g. <c>Granary:Clustering:AdoNet:ConnectionString</c>, environment <c>Granary__Clustering__AdoNet__ConnectionString</c>).
/// Rows are keyed by <c>Granary:ClusterId</c>, so several clusters can share one database.
/// </summary>
public sealed class AdoNetClusteringOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Granary:Clustering:AdoNet";

    /// <summary>The Npgsql connection string. Required.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Applies the embedded schema migrations at silo start; see <see cref="AdoNetGrainStorageOptions.ApplyMigrations"/>. Default: true.</summary>
    public bool ApplyMigrations { get; set; } = true;

    /// <summary>Retries, timeouts and circuit breaking of membership reads and writes.</summary>
    public AdoNetResilienceOptions Resilience { get; } = new();
}

internal sealed class AdoNetClusteringOptionsValidator : IValidateOptions<AdoNetClusteringOptions>
{
    public ValidateOptionsResult Validate(string? name, AdoNetClusteringOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            return ValidateOptionsResult.Fail($"{AdoNetClusteringOptions.SectionName}:ConnectionString is required: the PostgreSQL connection string of the membership table.");
        return options.Resilience.Validate(AdoNetClusteringOptions.SectionName) is { } failure ? ValidateOptionsResult.Fail(failure) : ValidateOptionsResult.Success;
    }
}
