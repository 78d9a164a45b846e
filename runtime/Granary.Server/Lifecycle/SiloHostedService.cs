using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Granary.Lifecycle;

/// <summary>
/// The silo's one hosted service: starts lifecycle participants stage by stage, in ascending order, and
/// stops them in descending order, so storage is up before grains and grains are gone before storage.
/// </summary>
internal sealed partial class SiloHostedService(IEnumerable<ISiloLifecycleParticipant> participants, ILogger<SiloHostedService> logger) : IHostedService
{
    private readonly ISiloLifecycleParticipant[] _ordered = [.. participants.OrderBy(p => p.Stage)];
    private int _started;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        foreach (var participant in _ordered)
        {
            LogStarting(participant.Name, participant.Stage);
            await participant.OnStartAsync(cancellationToken);
            _started++;
        }

        LogStarted(watch.Elapsed.TotalMilliseconds);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        for (var i = _started - 1; i >= 0; i--)
        {
            var participant = _ordered[i];
            try
            {
                await participant.OnStopAsync(cancellationToken);
            }
            catch (Exception exception)
            {
                // One failing participant must not keep the others (storage, connections) from stopping.
                LogStopFailed(exception, participant.Name);
            }
        }

        _started = 0;
        LogStopped();
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Debug, Message = "Starting {Participant} at stage {Stage}")]
    private partial void LogStarting(string participant, int stage);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Silo started in {ElapsedMs:0} ms")]
    private partial void LogStarted(double elapsedMs);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "{Participant} failed to stop")]
    private partial void LogStopFailed(Exception exception, string participant);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Silo stopped")]
    private partial void LogStopped();
}
