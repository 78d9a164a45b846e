using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;

namespace Shop.Notifications;

/// <summary>
/// Sends webhook requests through one resilience pipeline per endpoint: a timeout per request, a circuit
/// breaker, and retries with exponential backoff around both. Shared by every notification grain of the silo,
/// so an endpoint's circuit opens for all users at once when it fails.
/// </summary>
internal sealed class WebhookDispatcher(IWebhookTransport transport, IOptions<WebhookDeliveryOptions> options, TimeProvider time) : IAsyncDisposable
{
    private static readonly PredicateBuilder<object> ShouldHandle = new PredicateBuilder<object>().Handle<Exception>(IsTransient);

    private readonly ResiliencePipelineRegistry<string> _pipelines = new();

    public async Task<DeliveryOutcome> DeliverAsync(Uri url, string eventId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var pipeline = _pipelines.GetOrAddPipeline(EndpointOf(url), Configure);
        var requests = 0;
        try
        {
            await pipeline.ExecuteAsync(async token =>
            {
                requests++;
                var status = await transport.PostAsync(url, eventId, body, token);
                if (status is < 200 or >= 300) throw new WebhookRejectedException(status);
            }, cancellationToken);
            return new DeliveryOutcome(DeliveryResult.Delivered, requests, null);
        }
        catch (BrokenCircuitException exception)
        {
            return new DeliveryOutcome(DeliveryResult.CircuitOpen, requests, $"circuit open: {exception.Message}");
        }
        catch (WebhookRejectedException exception) when (!exception.IsTransient)
        {
            return new DeliveryOutcome(DeliveryResult.Refused, requests, exception.Message);
        }
        catch (Exception exception) when (IsTransient(exception) && !cancellationToken.IsCancellationRequested)
        {
            return new DeliveryOutcome(DeliveryResult.TransientFailure, requests, exception.Message);
        }
    }

    public ValueTask DisposeAsync() => _pipelines.DisposeAsync();

    /// <summary>Circuits are per endpoint (scheme, host, port and path), not per user or per event.</summary>
    private static string EndpointOf(Uri url) => url.GetLeftPart(UriPartial.Path);

    private static bool IsTransient(Exception exception) => exception switch
    {
        WebhookRejectedException rejected => rejected.IsTransient,
        HttpRequestException or TimeoutRejectedException or TaskCanceledException or IOException => true,
        _ => false,
    };

    private void Configure(ResiliencePipelineBuilder builder)
    {
        var settings = options.Value;
        builder.TimeProvider = time;
        if (settings.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = ShouldHandle,
                MaxRetryAttempts = settings.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                Delay = settings.RetryBaseDelay,
                UseJitter = false,
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            ShouldHandle = ShouldHandle,
            FailureRatio = 0.5,
            MinimumThroughput = settings.BreakerMinimumThroughput,
            SamplingDuration = settings.SamplingDuration,
            BreakDuration = settings.BreakDuration,
        });
        builder.AddTimeout(settings.AttemptTimeout);
    }
}
