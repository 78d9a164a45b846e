namespace Granary.Configuration;

/// <summary>
/// How a PostgreSQL provider rides out transient database failures (connection drops, failover, timeouts):
/// each command attempt has a timeout, transient failures are retried with exponential backoff, and after
/// repeated failures a circuit breaker makes calls fail fast until a probe call succeeds again. Database timing
/// always uses the real clock, never the silo's (possibly fake) TimeProvider.
/// </summary>
public sealed class AdoNetResilienceOptions
{
    /// <summary>Retries after the first attempt of an operation. Default: 4.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>The first retry's delay; later ones double, with jitter. Default: 100 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long one attempt of one command may take. Default: 15 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Share of failed attempts within <see cref="SamplingDuration"/> that opens the circuit. Default: 0.5.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Attempts within <see cref="SamplingDuration"/> before the circuit may open. Default: 8.</summary>
    public int MinimumThroughput { get; set; } = 8;

    /// <summary>The window failures are counted in. Default: 10 seconds.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an open circuit fails calls fast before letting a probe call through. Default: 5 seconds.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    internal string? Validate(string section)
    {
        if (MaxRetryAttempts < 0) return $"{section}:Resilience:MaxRetryAttempts must be zero or more; it is {MaxRetryAttempts}.";
        if (RetryBaseDelay <= TimeSpan.Zero) return $"{section}:Resilience:RetryBaseDelay must be positive; it is {RetryBaseDelay}.";
        if (AttemptTimeout <= TimeSpan.Zero) return $"{section}:Resilience:AttemptTimeout must be positive; it is {AttemptTimeout}.";
        if (FailureRatio is <= 0 or > 1) return $"{section}:Resilience:FailureRatio must be in (0, 1]; it is {FailureRatio}.";
        if (MinimumThroughput < 2) return $"{section}:Resilience:MinimumThroughput must be at least 2; it is {MinimumThroughput}.";
        if (SamplingDuration < TimeSpan.FromMilliseconds(500)) return $"{section}:Resilience:SamplingDuration must be at least 0.5 s; it is {SamplingDuration}.";
        if (BreakDuration < TimeSpan.FromMilliseconds(500)) return $"{section}:Resilience:BreakDuration must be at least 0.5 s; it is {BreakDuration}.";
        return null;
    }
}
