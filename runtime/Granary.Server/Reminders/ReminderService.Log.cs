using Granary.Runtime;
using Microsoft.Extensions.Logging;

namespace Granary.Reminders;

internal sealed partial class ReminderService
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Reminder service started with {Count} owned reminders")]
    private partial void LogStarted(int count);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Debug, Message = "Reminder {Reminder} of {Grain} registered: first due {StartAt:O}, period {Period}")]
    private partial void LogRegistered(string reminder, GrainId grain, DateTime startAt, TimeSpan period);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Debug, Message = "Reminder {Reminder} of {Grain} unregistered")]
    private partial void LogUnregistered(string reminder, GrainId grain);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Debug, Message = "Reminder {Reminder} of {Grain} delivered (due {Due:O})")]
    private partial void LogDelivered(string reminder, GrainId grain, DateTime due);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Reminder {Reminder} of {Grain} due {Due:O} could not be delivered")]
    private partial void LogDeliveryFailed(Exception exception, string reminder, GrainId grain, DateTime due);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Reading the owned reminders failed; the reminders already scheduled keep firing")]
    private partial void LogRefreshFailed(Exception exception);
}
