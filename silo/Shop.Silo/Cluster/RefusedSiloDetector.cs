using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Shop.Silo.Cluster;

/// <summary>
/// Declares dead the silos whose process is provably gone: a membership row that says Active while its silo
/// endpoint refuses TCP connections (a running silo listens on that port from before it writes its row until after
/// it leaves Active, so "connection refused" means no process listens there). A timeout, a reset or any other
/// error is not evidence and changes nothing, so a paused, slow or unreachable silo is left to Orleans' probes.
/// <list type="bullet">
/// <item>Before this silo joins: rows left Active by a crashed cluster are declared dead in the table, each write
/// conditional on the table version just read, so a concurrent change wins and the check starts over. Orleans would
/// otherwise make the new silo wait until those rows age out (heartbeat x missed limit) and its probes fail.</item>
/// <item>While this silo is active: every <see cref="FailureDetectionOptions.RefusedConnectionCheckPeriod"/> the
/// other active silos are checked, and a refusing one is handed to Orleans' <see cref="IClusterMembershipService.TryKill"/>.</item>
/// </list>
/// </summary>
internal sealed partial class RefusedSiloDetector(
    IMembershipTable table,
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    IOptions<FailureDetectionOptions> options,
    TimeProvider time,
    ILogger<RefusedSiloDetector> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>After Orleans' membership table manager started (and read the table), before the silo writes its Joining row.</summary>
    public const int BeforeJoinStage = ServiceLifecycleStage.RuntimeGrainServices + 50;

    private const int MaxConflictRetries = 5;
    private readonly CancellationTokenSource _stopping = new();
    private Task _watch = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle)
    {
        if (!options.Value.IsTuned) return;
        lifecycle.Subscribe(nameof(RefusedSiloDetector), BeforeJoinStage, DeclareRefusingRowsDeadAsync);
        lifecycle.Subscribe(nameof(RefusedSiloDetector), ServiceLifecycleStage.Active, StartWatching, StopWatchingAsync);
    }

    /// <summary>Declares dead every Active row of another endpoint that refuses connections; returns how many.</summary>
    internal async Task DeclareRefusingRowsDeadAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var declared = 0;
        for (var attempt = 1; attempt <= MaxConflictRetries; attempt++)
        {
            var snapshot = await table.ReadAllAsync(cancellationToken);
            var candidates = snapshot.Members
                .Where(row => row.Item1.Status == SiloStatus.Active && !row.Item1.SiloAddress.Endpoint.Equals(localSilo.SiloAddress.Endpoint))
                .ToList();
            var evidence = await Task.WhenAll(candidates.Select(row => ProbeAsync(row.Item1.SiloAddress.Endpoint, cancellationToken)));
            var refused = candidates.Where((_, i) => evidence[i] == Evidence.Refused).ToList();
            if (refused.Count == 0) break;

            var version = snapshot.Version;
            var conflict = false;
            foreach (var (entry, etag) in refused)
            {
                // Conditional on the version read above: if anything changed the table since, this write loses and
                // the rows are read and checked again, so a silo that just joined or was declared is never overwritten.
                if (!await table.UpdateRowAsync(AsDead(entry), etag, version.Next(), cancellationToken))
                {
                    LogConflict(entry.SiloAddress, attempt);
                    conflict = true;
                    break;
                }

                version = version.Next();
                declared++;
                LogDeclaredBeforeJoin(entry.SiloAddress, entry.IAmAliveTime);
            }

            if (!conflict) break;
        }

        if (declared > 0)
        {
            await membership.Refresh(cancellationToken: cancellationToken);
        }

        LogBeforeJoinDone(declared, time.GetElapsedTime(started).TotalMilliseconds);
    }

    private Task StartWatching(CancellationToken cancellationToken)
    {
        if (options.Value.RefusedConnectionCheckPeriod > TimeSpan.Zero) _watch = Task.Run(() => WatchAsync(_stopping.Token));
        return Task.CompletedTask;
    }

    private async Task StopWatchingAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _watch.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefusedConnectionCheckPeriod, time);
        var reported = new HashSet<SiloAddress>();
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var active = membership.CurrentSnapshot.Members.Values
                    .Where(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(localSilo.SiloAddress))
                    .Select(m => m.SiloAddress)
                    .ToList();
                reported.IntersectWith(active);
                var evidence = await Task.WhenAll(active.Select(silo => ProbeAsync(silo.Endpoint, cancellationToken)));
                for (var i = 0; i < active.Count; i++)
                {
                    if (evidence[i] != Evidence.Refused || !reported.Add(active[i])) continue;
                    LogRefused(active[i]);
                    // Orleans' own kill path: it re-reads the row and writes Dead conditionally, then gossips it.
                    _ = membership.TryKill(active[i]).ContinueWith(
                        t => { if (t.IsFaulted) LogKillFailed(t.Exception!.GetBaseException(), active[i]); },
                        CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }

    private MembershipEntry AsDead(MembershipEntry entry)
    {
        var suspicions = entry.SuspectTimes?.ToList() ?? [];
        // Recorded as the declaring silo's vote, so the row says who declared it and when.
        suspicions.Add(Tuple.Create(localSilo.SiloAddress, time.GetUtcNow().UtcDateTime));
        return new MembershipEntry
        {
            SiloAddress = entry.SiloAddress,
            Status = SiloStatus.Dead,
            SuspectTimes = suspicions,
            ProxyPort = entry.ProxyPort,
            HostName = entry.HostName,
            SiloName = entry.SiloName,
            RoleName = entry.RoleName,
            UpdateZone = entry.UpdateZone,
            FaultZone = entry.FaultZone,
            StartTime = entry.StartTime,
            IAmAliveTime = entry.IAmAliveTime,
        };
    }

    private async Task<Evidence> ProbeAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.ConnectTimeout);
        try
        {
            await socket.ConnectAsync(endpoint, timeout.Token);
            return Evidence.Listening;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return Evidence.Refused;
        }
        catch (SocketException)
        {
            return Evidence.None;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Evidence.None;
        }
    }

    private enum Evidence
    {
        None,
        Listening,
        Refused,
    }
}
