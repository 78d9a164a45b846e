using Microsoft.Extensions.Options;

namespace Shop.Notifications;

/// <summary>How webhooks are delivered. Bound from the <c>Shop:Webhooks</c> configuration section.</summary>
public sealed class WebhookDeliveryOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Shop:Webhooks";

    /// <summary>How long one request may take. Default: 5 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Immediate retries of a failed request within one delivery round. Default: 2.</summary>
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>The first retry's delay; each further retry doubles it. Default: 200 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Failed requests to one endpoint within <see cref="SamplingDuration"/> that open its circuit. Default: 5.</summary>
    public int BreakerMinimumThroughput { get; set; } = 5;

    /// <summary>The window in which the circuit breaker counts failures. Default: 30 seconds.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit refuses requests before one trial request may go. Default: 15 seconds.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The delay before the second delivery round; each further round doubles it, up to <see cref="MaxRedeliveryDelay"/>. Default: 5 seconds.</summary>
    public TimeSpan RedeliveryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest delay between delivery rounds. Default: 10 minutes.</summary>
    public TimeSpan MaxRedeliveryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Delivery rounds before a delivery is given up as Failed. Default: 10.</summary>
    public int MaxDeliveryRounds { get; set; } = 10;
}

/// <summary>Stops start-up on delivery settings Polly would refuse or that would never deliver.</summary>
internal sealed class WebhookDeliveryOptionsValidator : IValidateOptions<WebhookDeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookDeliveryOptions options)
    {
        const string Section = WebhookDeliveryOptions.SectionName;
        var failures = new List<string>();
        if (options.AttemptTimeout <= TimeSpan.Zero) failures.Add($"{Section}:AttemptTimeout must be positive.");
        if (options.MaxRetryAttempts is < 0 or > 10) failures.Add($"{Section}:MaxRetryAttempts must be between 0 and 10.");
        if (options.RetryBaseDelay < TimeSpan.Zero) failures.Add($"{Section}:RetryBaseDelay must not be negative.");
        if (options.BreakerMinimumThroughput < 2) failures.Add($"{Section}:BreakerMinimumThroughput must be at least 2.");
        if (options.SamplingDuration < TimeSpan.FromMilliseconds(500)) failures.Add($"{Section}:SamplingDuration must be at least 500 ms.");
        if (options.BreakDuration < TimeSpan.FromMilliseconds(500)) failures.Add($"{Section}:BreakDuration must be at least 500 ms.");
        if (options.RedeliveryDelay <= TimeSpan.Zero) failures.Add($"{Section}:RedeliveryDelay must be positive.");
        if (options.MaxRedeliveryDelay < options.RedeliveryDelay) failures.Add($"{Section}:MaxRedeliveryDelay must be at least RedeliveryDelay.");
        if (options.MaxDeliveryRounds < 1) failures.Add($"{Section}:MaxDeliveryRounds must be at least 1.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
