using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Shop.Silo.Cluster;

internal sealed partial class RefusedSiloDetector
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Warning,
        Message = "Declared silo {Silo} dead before joining: its row was Active (last heartbeat {IAmAliveTime:o}) but its endpoint refuses connections")]
    private partial void LogDeclaredBeforeJoin(SiloAddress silo, DateTime iAmAliveTime);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information,
        Message = "The membership table changed while declaring {Silo} dead (attempt {Attempt}); reading it again")]
    private partial void LogConflict(SiloAddress silo, int attempt);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information,
        Message = "Refused-connection check before joining: {Declared} stale Active rows declared dead in {ElapsedMs:0} ms")]
    private partial void LogBeforeJoinDone(int declared, double elapsedMs);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning,
        Message = "Active silo {Silo} refuses connections: its process is gone; asking membership to declare it dead")]
    private partial void LogRefused(SiloAddress silo);

    [LoggerMessage(EventId = 204, Level = LogLevel.Warning, Message = "Declaring {Silo} dead failed")]
    private partial void LogKillFailed(Exception exception, SiloAddress silo);
}
