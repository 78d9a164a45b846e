using Microsoft.Extensions.Options;

namespace Granary.Configuration;

/// <summary>Idle activation collection. Bound from the configuration section <c>Granary:Collection</c>.</summary>
public sealed class GrainCollectionOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Granary:Collection";

    /// <summary>How long an activation may stay idle before it is deactivated. Default: 15 minutes.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for. Default: 1 minute.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Collection age per grain type name, overriding <see cref="CollectionAge"/> and [CollectionAgeLimit].</summary>
    public Dictionary<string, TimeSpan> ClassSpecificCollectionAge { get; } = new(StringComparer.Ordinal);

    /// <summary>How long OnDeactivateAsync may run before its token is cancelled. Default: 30 seconds.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

internal sealed class GrainCollectionOptionsValidator : IValidateOptions<GrainCollectionOptions>
{
    public ValidateOptionsResult Validate(string? name, GrainCollectionOptions options)
    {
        if (options.CollectionQuantum <= TimeSpan.Zero)
            return ValidateOptionsResult.Fail($"{GrainCollectionOptions.SectionName}:CollectionQuantum must be positive; it is {options.CollectionQuantum}.");
        if (options.CollectionAge < options.CollectionQuantum)
            return ValidateOptionsResult.Fail(
                $"{GrainCollectionOptions.SectionName}:CollectionAge ({options.CollectionAge}) must be at least CollectionQuantum ({options.CollectionQuantum}).");
        foreach (var (grainType, age) in options.ClassSpecificCollectionAge)
        {
            if (age < options.CollectionQuantum)
                return ValidateOptionsResult.Fail(
                    $"{GrainCollectionOptions.SectionName}:ClassSpecificCollectionAge:{grainType} ({age}) must be at least CollectionQuantum ({options.CollectionQuantum}).");
        }

        if (options.DeactivationTimeout <= TimeSpan.Zero)
            return ValidateOptionsResult.Fail($"{GrainCollectionOptions.SectionName}:DeactivationTimeout must be positive; it is {options.DeactivationTimeout}.");
        return ValidateOptionsResult.Success;
    }
}
