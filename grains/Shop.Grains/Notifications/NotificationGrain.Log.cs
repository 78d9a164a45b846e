using Microsoft.Extensions.Logging;

namespace Shop.Notifications;

internal sealed partial class NotificationGrain
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Debug, Message = "Event {EventId} was already queued; the repeat is dropped")]
    private partial void LogDuplicateDropped(string eventId);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Event {EventId} delivered to {Url} after {Requests} requests")]
    private partial void LogDelivered(string eventId, Uri url, int requests);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Delivery round {Round} of event {EventId} to {Url} failed: {Error}")]
    private partial void LogRoundFailed(string eventId, Uri url, int round, string? error);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Error, Message = "Delivery of event {EventId} to {Url} given up after {Rounds} rounds: {Error}")]
    private partial void LogGivenUp(string eventId, Uri url, int rounds, string? error);
}
