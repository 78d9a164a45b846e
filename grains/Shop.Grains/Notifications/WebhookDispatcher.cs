using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;
using Shop.Diagnostics;

namespace Shop.Notifications;

/// <summary>
/// Sends webhook requests through one resilience pipeline per endpoint: a timeout per request, a circuit
/// breaker, and retries with exponential backoff around both. Shared by every notification grain of the silo,
/// so an endpoint's circuit opens for all users at once when it fails.
/// </summary>
internal sealed class WebhookDispatcher(
    IWebhookTransport transport, IOptions<WebhookDeliveryOptions> options, TimeProvider time, ShopMetrics metrics) : IAsyncDisposable
{
    private static readonly PredicateBuilder<object> ShouldHandle = new PredicateBuilder<object>().Handle<Exception>(IsTransient);

    private readonly ResiliencePipelineRegistry<string> _pipelines = new();

    public async Task<DeliveryOutcome> DeliverAsync(Uri url, string eventId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var outcome = await DeliverRoundAsync(url, eventId, body, cancellationToken);
        metrics.WebhookDelivered(OutcomeTag(outcome.Result));
        return outcome;
    }

    public ValueTask DisposeAsync() => _pipelines.DisposeAsync();

    /// <summary>The value of the shop.webhook.outcome tag.</summary>
    public static string OutcomeTag(DeliveryResult result) => result switch
    {
        DeliveryResult.Delivered => "delivered",
        DeliveryResult.TransientFailure => "transient_failure",
        DeliveryResult.CircuitOpen => "circuit_open",
        _ => "refused",
    };

    private async Task<DeliveryOutcome> DeliverRoundAsync(Uri url, string eventId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
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

    /// <summary>Circuits are per endpoint (scheme, host, port and path), not per user or per event.</summary>
    private static string EndpointOf(Uri url) => url.GetLeftPart(UriPartial.Path);

    private static bool IsTransient(Exception exception) => exception switch
    {
        WebhookRejectedException rejected => rejected.IsTransient,
        HttpRequestException or TimeoutRejectedException or TaskCanceledException or IOException => true,
        _ => false,
    };

    private void Configure(ResiliencePipelineBuilder builder, ConfigureBuilderContext<string> context)
    {
        var endpoint = context.PipelineKey;
        metrics.CircuitChanged(endpoint, "closed");
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
            OnOpened = _ => Changed(endpoint, "open"),
            OnHalfOpened = _ => Changed(endpoint, "half_open"),
            OnClosed = _ => Changed(endpoint, "closed"),
        });
        builder.AddTimeout(settings.AttemptTimeout);
    }

    private ValueTask Changed(string endpoint, string state)
    {
        metrics.CircuitChanged(endpoint, state);
        return ValueTask.CompletedTask;
    }
}
