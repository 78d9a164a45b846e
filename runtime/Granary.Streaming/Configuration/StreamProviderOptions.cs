using Microsoft.Extensions.Options;

namespace Granary.Streaming.Configuration;

/// <summary>
/// Delivery settings every stream provider has; each provider's options class derives from it. Options are
/// named after the provider and bound from <c>Granary:Streams:{name}</c>
/// (for example <c>Granary__Streams__events__MaxDeliveryAttempts=5</c>).
/// </summary>
public class StreamProviderOptions
{
    /// <summary>The configuration section of a provider's options.</summary>
    public static string SectionName(string providerName) => $"Granary:Streams:{providerName}";

    /// <summary>How many times an event is delivered to a subscriber that fails before it goes to the dead letters. Default 3.</summary>
    public int MaxDeliveryAttempts { get; set; } = 3;

    /// <summary>The pause before delivering an event again after a failure. Default 100 ms.</summary>
    public TimeSpan DeliveryRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Most events a pulling agent reads and delivers before it commits. Default 128.</summary>
    public int BatchSize { get; set; } = 128;

    /// <summary>The pause before retrying a failed read, commit or dead-letter write. Default 1 s.</summary>
    public TimeSpan QueueRetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>Checks the delivery settings of any provider's options, naming the setting that is wrong.</summary>
internal sealed class StreamProviderOptionsValidator<TOptions> : IValidateOptions<TOptions> where TOptions : StreamProviderOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var section = StreamProviderOptions.SectionName(name ?? "");
        List<string> failures = [];
        AddFailures(section, options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddFailures(string section, TOptions options, List<string> failures)
    {
        if (options.MaxDeliveryAttempts < 1) failures.Add($"{section}:MaxDeliveryAttempts must be at least 1 (was {options.MaxDeliveryAttempts}).");
        if (options.DeliveryRetryDelay < TimeSpan.Zero) failures.Add($"{section}:DeliveryRetryDelay must not be negative (was {options.DeliveryRetryDelay}).");
        if (options.BatchSize < 1) failures.Add($"{section}:BatchSize must be at least 1 (was {options.BatchSize}).");
        if (options.QueueRetryDelay < TimeSpan.Zero) failures.Add($"{section}:QueueRetryDelay must not be negative (was {options.QueueRetryDelay}).");
    }
}
