using Granary.Configuration;
using Granary.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Granary.AdoNet.Database;

/// <summary>
/// Runs the operations of one provider against its database through a resilience pipeline: per-attempt timeout,
/// circuit breaker, and retries with backoff for transient failures. Every operation given to it must be safe to
/// repeat (reads, or writes that recognise their own earlier attempt). Failures that outlast the retries, and
/// calls refused by an open circuit, surface as <see cref="StorageUnavailableException"/> naming the provider.
/// </summary>
internal sealed partial class AdoNetDatabase
{
    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger _logger;
    private readonly IAdoNetFaults? _faults;
    private readonly AdoNetResilienceOptions _resilience;

    // The clock times retries, breaks and timeouts: the real clock, never the silo's; tests may pass a manual one.
    public AdoNetDatabase(string description, string connectionString, NpgsqlDataSource dataSource, AdoNetResilienceOptions resilience, IAdoNetFaults? faults, ILogger logger, TimeProvider? clock = null)
    {
        Description = $"{description} at {NpgsqlDataSources.Describe(connectionString)}";
        DataSource = dataSource;
        _resilience = resilience;
        _faults = faults;
        _logger = logger;
        _pipeline = BuildPipeline(resilience, clock ?? TimeProvider.System);
    }

    /// <summary>The provider and database, for messages (never the password).</summary>
    public string Description { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Runs <paramref name="operation"/> (given the 1-based attempt number) until it succeeds or fails for good.</summary>
    public async ValueTask<T> RunAsync<T>(string name, Func<NpgsqlDataSource, int, CancellationToken, ValueTask<T>> operation, CancellationToken cancellationToken)
    {
        var attempt = 0;
        try
        {
            return await _pipeline.ExecuteAsync(async token =>
            {
                var current = Interlocked.Increment(ref attempt);
                if (_faults is not null) await _faults.BeforeAttemptAsync(name, current);
                var result = await operation(DataSource, current, token);
                if (_faults is not null) await _faults.AfterAttemptAsync(name, current);
                return result;
            }, cancellationToken);
        }
        catch (BrokenCircuitException exception)
        {
            throw new StorageUnavailableException(
                $"{Description} is unavailable: after repeated failures calls fail fast for {_resilience.BreakDuration.TotalSeconds:0.#} s before the database is tried again. Last failure: {exception.InnerException?.Message ?? exception.Message}",
                exception);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && TransientErrors.IsTransient(exception))
        {
            throw new StorageUnavailableException(
                $"{Description} failed for {name} after {attempt} attempt(s): {exception.Message}", exception);
        }
    }

    private ResiliencePipeline BuildPipeline(AdoNetResilienceOptions options, TimeProvider clock)
    {
        var transient = new PredicateBuilder().Handle<Exception>(TransientErrors.IsTransient);
        var builder = new ResiliencePipelineBuilder { TimeProvider = clock };
        // Zero retries (fail at once, e.g. behind a caller that retries itself) means no retry strategy at all.
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(5),
                OnRetry = args =>
                {
                    // After a restart or failover every pooled connection is dead: drop them all at once
                    // instead of discovering each on a later attempt.
                    if (args.Outcome.Exception is { } failure && TransientErrors.IsConnectionLoss(failure)) DataSource.Clear();
                    LogRetrying(args.Outcome.Exception, Description, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = options.FailureRatio,
                MinimumThroughput = options.MinimumThroughput,
                SamplingDuration = options.SamplingDuration,
                BreakDuration = options.BreakDuration,
                OnOpened = args =>
                {
                    DataSource.Clear();
                    LogCircuitOpened(args.Outcome.Exception, Description, args.BreakDuration.TotalSeconds);
                    return default;
                },
                OnClosed = _ =>
                {
                    LogCircuitClosed(Description);
                    return default;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    [LoggerMessage(EventId = 7000, Level = LogLevel.Warning, Message = "{Database}: transient failure, retry {Retry} in {DelayMs:0} ms")]
    private partial void LogRetrying(Exception? exception, string database, int retry, double delayMs);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Error, Message = "{Database}: circuit opened after repeated failures; calls fail fast for {BreakSeconds:0.#} s")]
    private partial void LogCircuitOpened(Exception? exception, string database, double breakSeconds);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "{Database}: circuit closed, the database answers again")]
    private partial void LogCircuitClosed(string database);
}
