using Microsoft.Extensions.Logging;

namespace Granary.Streaming.Balancing;

internal sealed partial class MembershipPartitionBalancer
{
    [LoggerMessage(EventId = 7060, Level = LogLevel.Information, Message = "Stream provider {Provider}, view {Version} with {ActiveSilos} active silos: releasing partitions [{Lost}], taking [{Gained}]")]
    private partial void LogRebalancing(string provider, long version, int activeSilos, string lost, string gained);

    [LoggerMessage(EventId = 7061, Level = LogLevel.Error, Message = "Stream provider {Provider} could not apply membership view {Version}; ownership is computed again at the next change")]
    private partial void LogRebalanceFailed(Exception exception, string provider, long version);
}
