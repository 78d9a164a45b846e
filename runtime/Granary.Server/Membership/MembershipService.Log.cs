using Granary.Runtime;
using Microsoft.Extensions.Logging;

namespace Granary.Membership;

internal sealed partial class MembershipService
{
    [LoggerMessage(EventId = 8000, Level = LogLevel.Information, Message = "Silo {Silo} joined the membership table as Joining")]
    private partial void LogJoining(SiloAddress silo);

    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Silo {Silo} is Active")]
    private partial void LogActive(SiloAddress silo);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information, Message = "Silo {Silo} is ShuttingDown")]
    private partial void LogShuttingDown(SiloAddress silo);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Information, Message = "Silo {Silo} left the cluster: its row is Dead")]
    private partial void LogLeft(SiloAddress silo);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Warning, Message = "Marked {Old} Dead: this silo's new generation {New} supersedes it")]
    private partial void LogSuperseded(SiloAddress old, SiloAddress @new);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Warning,
        Message = "Declared {Silo} dead alone: its row ({Status}) was last alive {AgeSeconds:0.0} s ago and it did not answer a probe")]
    private partial void LogStaleSiloDeclaredDead(SiloAddress silo, SiloStatus status, double ageSeconds);

    [LoggerMessage(EventId = 8006, Level = LogLevel.Debug, Message = "{Silo} missed {Missed} of {Limit} probes")]
    private partial void LogProbeMissed(SiloAddress silo, int missed, int limit);

    [LoggerMessage(EventId = 8007, Level = LogLevel.Information, Message = "{Silo} answers probes again after missing {Missed}")]
    private partial void LogProbeAnsweredAgain(SiloAddress silo, int missed);

    [LoggerMessage(EventId = 8008, Level = LogLevel.Information,
        Message = "{Silo} missed {Missed} probes from this silo but answered another silo's probe; not voting")]
    private partial void LogReachedIndirectly(SiloAddress silo, int missed);

    [LoggerMessage(EventId = 8009, Level = LogLevel.Warning, Message = "Voted that {Silo} is dead: {Votes} of {Needed} votes")]
    private partial void LogVoted(SiloAddress silo, int votes, int needed);

    [LoggerMessage(EventId = 8010, Level = LogLevel.Warning, Message = "Declared {Silo} dead with {Votes} votes ({Voters})")]
    private partial void LogDeclaredDead(SiloAddress silo, int votes, string voters);

    [LoggerMessage(EventId = 8011, Level = LogLevel.Critical,
        Message = "This silo {Silo} was declared dead by the cluster (its row: {Row}; votes by: {Voters}). It was probably paused, "
            + "partitioned or too slow to answer probes, and other silos have taken over its grains. Stopping the process now so "
            + "that it never serves as a zombie; restart it to rejoin with a new generation.")]
    private partial void LogDeclaredDeadStopping(SiloAddress silo, string row, string voters);

    [LoggerMessage(EventId = 8012, Level = LogLevel.Debug, Message = "Membership write '{Change}' lost a race (attempt {Attempt}); re-reading the table")]
    private partial void LogWriteConflict(string change, int attempt);

    [LoggerMessage(EventId = 8013, Level = LogLevel.Warning, Message = "Membership write '{Change}' gave up after {Attempts} lost races")]
    private partial void LogWriteGaveUp(string change, int attempts);

    [LoggerMessage(EventId = 8014, Level = LogLevel.Warning, Message = "Membership {Work} failed; it runs again at its next period")]
    private partial void LogWorkFailed(string work, Exception exception);

    [LoggerMessage(EventId = 8015, Level = LogLevel.Debug, Message = "Probing {Silo} failed")]
    private partial void LogProbeFailed(Exception exception, SiloAddress silo);

    [LoggerMessage(EventId = 8016, Level = LogLevel.Information, Message = "Membership at table version {Version}: {Silos}")]
    private partial void LogViewChanged(long version, string silos);

    [LoggerMessage(EventId = 8017, Level = LogLevel.Warning, Message = "Gossiping a membership change failed")]
    private partial void LogGossipFailed(Exception exception);

    [LoggerMessage(EventId = 8018, Level = LogLevel.Information, Message = "A probe of {Silo} timed out while this silo's thread pool lagged {LagMilliseconds:0} ms; not counted as a miss")]
    private partial void LogProbeMissedWhileLagging(SiloAddress silo, double lagMilliseconds);
}
