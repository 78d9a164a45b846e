using Microsoft.Extensions.Logging;

namespace Granary.Streaming.Agents;

internal sealed partial class PartitionAgent
{
    [LoggerMessage(EventId = 7000, Level = LogLevel.Debug, Message = "Stream provider {Provider} reads partition {Partition} from position {Position}")]
    private partial void LogStarted(string provider, int partition, long position);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Debug, Message = "Stream provider {Provider} stopped reading partition {Partition}; committed up to {Position}")]
    private partial void LogStopped(string provider, int partition, long position);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Stream provider {Provider} rewinds partition {Partition} to {From} for subscription {SubscriptionId} (was at {Position})")]
    private partial void LogRewinding(string provider, int partition, Guid subscriptionId, long from, long position);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Stream provider {Provider}, partition {Partition}: {Operation} failed; retrying")]
    private partial void LogQueueFailed(Exception exception, string provider, int partition, string operation);
}
