using Orleans;
using Orleans.Runtime;
using Orleans.Streams;
using Microsoft.Extensions.Logging;
using Shop.Diagnostics;

namespace Shop.Events;

/// <summary>
/// Publishes the events a grain saved in its state together with the change they describe. Events leave the
/// outbox only once the stream accepted them, so a crash between saving and publishing delays an event but
/// never loses it; a repeat carries the same event id, which consumers use to drop it.
/// </summary>
internal static partial class EventOutbox
{
    /// <summary>Publishes <paramref name="outbox"/> to <paramref name="streamId"/>; false when the stream refused them.</summary>
    public static async Task<bool> TryPublishAsync<TEvent>(this Grain grain, List<TEvent> outbox, StreamId streamId, ILogger logger)
        where TEvent : ShopEvent
    {
        if (outbox.Count == 0) return true;
        using var activity = ShopActivities.StartPublish(streamId, outbox.Count);
        try
        {
            var stream = grain.GetStreamProvider(ShopStreams.Provider).GetStream<TEvent>(streamId);
            // Stamped as they leave, not when saved: an event the outbox retries later belongs to the trace retrying it.
            var traceParent = ShopActivities.CurrentTraceParent();
            await stream.OnNextBatchAsync([.. outbox.Select(e => (TEvent)((ShopEvent)e with { TraceParent = traceParent }))]);
            outbox.Clear();
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, exception.Message);
            // The events stay in the outbox: the next write of the state keeps them and the next publish retries.
            LogPublishFailed(logger, exception, outbox.Count, streamId);
            return false;
        }
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Warning, Message = "Publishing {Count} events to stream {StreamId} failed; they stay in the outbox")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, int count, StreamId streamId);
}
