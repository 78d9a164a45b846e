using Microsoft.Extensions.Options;

namespace Granary.Streaming.Configuration;

/// <summary>
/// The in-memory provider of <c>silo.AddMemoryStreams(name, o => ...)</c>: delivery settings and the queue's
/// partitions and retention, bound from <c>Granary:Streams:{name}</c>. Nothing survives the process.
/// </summary>
public sealed class MemoryStreamOptions : StreamProviderOptions
{
    /// <summary>Number of partitions. Default 8.</summary>
    public int Partitions { get; set; } = 8;

    /// <summary>How long committed events stay readable for subscriptions that rewind. Default 1 hour.</summary>
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most committed events kept per partition for rewinds, whatever their age. Default 100,000.</summary>
    public int MaxRetainedEventsPerPartition { get; set; } = 100_000;

    /// <summary>How long a read waits for new events before returning none (publishing wakes it at once). Default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>Checks the queue settings; the delivery settings are checked by the validator every provider gets.</summary>
internal sealed class MemoryStreamOptionsValidator : IValidateOptions<MemoryStreamOptions>
{
    public ValidateOptionsResult Validate(string? name, MemoryStreamOptions options)
    {
        var section = StreamProviderOptions.SectionName(name ?? "");
        List<string> failures = [];
        if (options.Partitions is < 1 or > 4096) failures.Add($"{section}:Partitions must be between 1 and 4096 (was {options.Partitions}).");
        if (options.RetentionPeriod < TimeSpan.Zero) failures.Add($"{section}:RetentionPeriod must not be negative (was {options.RetentionPeriod}).");
        if (options.MaxRetainedEventsPerPartition < 0) failures.Add($"{section}:MaxRetainedEventsPerPartition must not be negative (was {options.MaxRetainedEventsPerPartition}).");
        if (options.PollInterval <= TimeSpan.Zero) failures.Add($"{section}:PollInterval must be positive (was {options.PollInterval}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
