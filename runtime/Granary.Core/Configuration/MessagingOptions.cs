using Microsoft.Extensions.Options;

namespace Granary.Configuration;

/// <summary>Settings of grain calls. Bound from the configuration section <c>Granary:Messaging</c>.</summary>
public sealed class MessagingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Granary:Messaging";

    /// <summary>How long a caller waits for a response before failing with <see cref="TimeoutException"/>. Default: 30 seconds.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Items a remote <c>IAsyncEnumerable</c> sends per round trip at most. Default: 100.</summary>
    public int AsyncEnumerableBatchSize { get; set; } = 100;
}

/// <summary>Stops start-up with a message naming the setting when messaging options are invalid.</summary>
internal sealed class MessagingOptionsValidator : IValidateOptions<MessagingOptions>
{
    public ValidateOptionsResult Validate(string? name, MessagingOptions options)
    {
        if (options.ResponseTimeout <= TimeSpan.Zero)
            return ValidateOptionsResult.Fail($"{MessagingOptions.SectionName}:ResponseTimeout must be positive; it is {options.ResponseTimeout}.");
        if (options.AsyncEnumerableBatchSize < 1)
            return ValidateOptionsResult.Fail($"{MessagingOptions.SectionName}:AsyncEnumerableBatchSize must be at least 1; it is {options.AsyncEnumerableBatchSize}.");
        return ValidateOptionsResult.Success;
    }
}
