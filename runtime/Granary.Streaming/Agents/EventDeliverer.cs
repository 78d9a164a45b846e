using System.Diagnostics;
using Granary.Diagnostics;
using Granary.Runtime;
using Granary.Streaming.Consumers;
using Granary.Streaming.Diagnostics;
using Granary.Streaming.Producers;
using Granary.Streaming.Providers;
using Microsoft.Extensions.Logging;

namespace Granary.Streaming.Agents;

/// <summary>
/// Delivers one event to one subscriber: retries a failed delivery up to the provider's limit, then writes a
/// dead letter with the last error and reports success, so the partition moves on and nothing is lost silently.
/// </summary>
internal sealed partial class EventDeliverer(StreamProvider provider, ILogger<EventDeliverer> logger)
{
    /// <summary>Delivers with retries; <paramref name="pauses"/> ends a retry pause early, abandoning the event's batch.</summary>
    public async Task DeliverAsync(Subscriber subscriber, QueueRecord record, CancellationToken cancellationToken, CancellationToken pauses)
    {
        var options = provider.Options;
        Exception? last = null;
        for (var attempt = 1; attempt <= options.MaxDeliveryAttempts; attempt++)
        {
            if (attempt > 1 && options.DeliveryRetryDelay > TimeSpan.Zero) await Task.Delay(options.DeliveryRetryDelay, provider.Time, pauses);
            try
            {
                await DeliverOnceAsync(subscriber, record, attempt, cancellationToken);
                provider.Instruments.Delivered(provider.Name, record.Message.StreamId.Namespace);
                return;
            }
            catch (SiloUnavailableException exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The subscriber's silo died or is leaving: not the event's fault, so it does not count toward the
                // dead letter. Membership soon declares the silo dead and the grain is activated elsewhere.
                LogSubscriberSiloUnavailable(record.Message.StreamId.ToString(), record.Position, subscriber.Consumer, exception.Message);
                attempt--;
                await Task.Delay(options.QueueRetryDelay, provider.Time, pauses);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                last = exception;
                provider.Instruments.DeliveryFailed(provider.Name, record.Message.StreamId.Namespace);
                LogDeliveryFailed(exception, record.Message.StreamId.ToString(), record.Position, subscriber.Consumer, attempt, options.MaxDeliveryAttempts);
            }
        }

        var deadLetter = new DeadLetter(record, subscriber.Consumer, subscriber.SubscriptionId, options.MaxDeliveryAttempts,
            $"{last!.GetType().FullName}: {last.Message}", provider.Time.GetUtcNow());
        await WriteDeadLetterAsync(deadLetter, cancellationToken, pauses);
    }

    private async Task DeliverOnceAsync(Subscriber subscriber, QueueRecord record, int attempt, CancellationToken cancellationToken)
    {
        var message = record.Message;
        using var activity = StartActivity(message, subscriber.Consumer);
        if (activity is null)
        {
            // Nobody traces here, but the grain (and whoever it calls) still belongs to the producer's trace.
            // RequestContext changes made in this async method do not leak to the caller's flow.
            if (message.Headers.TryGetValue(GranaryTelemetry.TraceParentKey, out var parent)) RequestContext.Set(GranaryTelemetry.TraceParentKey, parent);
            if (message.Headers.TryGetValue(GranaryTelemetry.TraceStateKey, out var state)) RequestContext.Set(GranaryTelemetry.TraceStateKey, state);
        }

        var delivery = new StreamDelivery
        {
            Provider = provider.Name,
            StreamId = message.StreamId,
            SubscriptionId = subscriber.SubscriptionId,
            Kind = message.Kind,
            ContentType = message.ContentType,
            Payload = message.Payload.ToArray(),
            Position = record.Position,
            EventId = message.EventId,
            EventType = message.EventType,
            Attempt = attempt,
        };
        try
        {
            await provider.Grains.GetGrain<IStreamConsumerExtension>(subscriber.Consumer).DeliverAsync(delivery, cancellationToken);
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            throw;
        }
    }

    private static Activity? StartActivity(QueueMessage message, GrainId consumer)
    {
        if (!StreamingTelemetry.ActivitySource.HasListeners()) return null;
        message.Headers.TryGetValue(GranaryTelemetry.TraceParentKey, out var parent);
        message.Headers.TryGetValue(GranaryTelemetry.TraceStateKey, out var state);
        ActivityContext.TryParse(parent, state, out var parentContext);
        var activity = StreamingTelemetry.ActivitySource.StartActivity($"deliver {message.StreamId.Namespace}", ActivityKind.Consumer, parentContext);
        activity?.SetTag("messaging.system", "granary");
        activity?.SetTag("messaging.message.id", message.EventId);
        activity?.SetTag("granary.stream.id", message.StreamId.ToString());
        activity?.SetTag("granary.grain.id", consumer.ToString());
        return activity;
    }

    private async Task WriteDeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken, CancellationToken pauses)
    {
        while (true)
        {
            try
            {
                await provider.Adapter.WriteDeadLetterAsync(deadLetter, cancellationToken);
                provider.Instruments.DeadLettered(provider.Name, deadLetter.Record.Message.StreamId.Namespace);
                LogDeadLettered(deadLetter.Record.Message.StreamId.ToString(), deadLetter.Record.Position, deadLetter.Consumer, deadLetter.Attempts, deadLetter.Error);
                return;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The event must not be skipped without a dead letter: keep trying until the silo stops,
                // after which the uncommitted batch is read again.
                LogDeadLetterFailed(exception, deadLetter.Record.Message.StreamId.ToString(), deadLetter.Record.Position);
                await Task.Delay(provider.Options.QueueRetryDelay, provider.Time, pauses);
            }
        }
    }

    [LoggerMessage(EventId = 7100, Level = LogLevel.Warning, Message = "Delivering {StreamId} at {Position} to {Consumer} failed (attempt {Attempt} of {MaxAttempts})")]
    private partial void LogDeliveryFailed(Exception exception, string streamId, long position, GrainId consumer, int attempt, int maxAttempts);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Error, Message = "Gave up delivering {StreamId} at {Position} to {Consumer} after {Attempts} attempts; wrote a dead letter: {Error}")]
    private partial void LogDeadLettered(string streamId, long position, GrainId consumer, int attempts, string error);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "Delivering {StreamId} at {Position} to {Consumer} found its silo unavailable ({Reason}); retrying without counting an attempt")]
    private partial void LogSubscriberSiloUnavailable(string streamId, long position, GrainId consumer, string reason);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Error, Message = "Writing the dead letter of {StreamId} at {Position} failed; retrying")]
    private partial void LogDeadLetterFailed(Exception exception, string streamId, long position);
}
